// Checking single values against a parameter's kind: the one place that knows what "an integer ≥ 1"
// or "[height, width]" means, for layers and the top level alike.
import { describeNode, type AstNode } from '../syntax/ast';
import type { ParamKind } from '../layers/spec';
import type { Pair, ParamValue } from './types';
import { listOr, t } from '../i18n/t';

/** Sizes above this are refused: no real image or layer is that large, and products stay exact. */
export const MAX_SIZE = 2 ** 31 - 1;

export type Checked = { ok: true; value: ParamValue } | { ok: false; code: 'wrong-type' | 'out-of-range'; message: string; node: AstNode };

export function checkValue(name: string, node: AstNode | null, kind: ParamKind): Checked {
  if (!node || (node.kind === 'scalar' && node.value === null)) {
    return { ok: false, code: 'wrong-type', message: t('values.noValue', { name }), node: node ?? placeholder() };
  }
  switch (kind.kind) {
    case 'int':
      return checkInt(name, node, kind.min);
    case 'pair':
      return checkPair(name, node, kind.min);
    case 'padding': {
      if (node.kind === 'scalar' && typeof node.value === 'string') {
        const v = node.value;
        if (v === 'same' || v === 'valid') return { ok: true, value: v };
        return { ok: false, code: 'wrong-type', message: t('values.paddingValue', { name, text: v }), node };
      }
      return checkPair(name, node, 0);
    }
    case 'enum': {
      if (node.kind === 'scalar' && typeof node.value === 'string' && kind.values.includes(node.value)) return { ok: true, value: node.value };
      const shown = node.kind === 'scalar' && typeof node.value === 'string' ? `"${node.value}"` : describeNode(node);
      return { ok: false, code: 'out-of-range', message: t('values.oneOf', { name, choices: listOr(kind.values.map((v) => `'${v}'`)), found: shown }), node };
    }
    case 'sides':
      return checkSides(name, node);
    case 'ref':
      if (node.kind === 'scalar' && ((typeof node.value === 'string' && node.value.trim() !== '') || (typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0))) {
        return { ok: true, value: String(node.value) };
      }
      return { ok: false, code: 'wrong-type', message: t('values.layerName', { name, found: describeNode(node) }), node };
    case 'bool':
      if (node.kind === 'scalar' && typeof node.value === 'boolean') return { ok: true, value: node.value };
      return { ok: false, code: 'wrong-type', message: t('values.bool', { name, found: describeNode(node) }), node };
    case 'number': {
      if (node.kind !== 'scalar' || typeof node.value !== 'number') {
        return { ok: false, code: 'wrong-type', message: t('values.number', { name, found: describeNode(node) }), node };
      }
      const v = node.value;
      if (!Number.isFinite(v)) return { ok: false, code: 'out-of-range', message: t('values.finiteNumber', { name }), node };
      const lowOk = kind.min === undefined || (kind.minExclusive ? v > kind.min : v >= kind.min);
      const highOk = kind.max === undefined || (kind.maxExclusive ? v < kind.max : v <= kind.max);
      if (!lowOk || !highOk) {
        const lo = kind.min === undefined ? '' : `${kind.min} ${kind.minExclusive ? '<' : '≤'} `;
        const hi = kind.max === undefined ? '' : ` ${kind.maxExclusive ? '<' : '≤'} ${kind.max}`;
        return { ok: false, code: 'out-of-range', message: t('values.numberRange', { name, value: v, range: `${lo}${name}${hi}` }), node };
      }
      return { ok: true, value: v };
    }
  }
}

function placeholder(): AstNode {
  return { kind: 'scalar', value: null, start: 0, end: 0 };
}

export function checkInt(name: string, node: AstNode, min: number): Checked {
  if (node.kind !== 'scalar' || typeof node.value !== 'number') {
    const quoted = node.kind === 'scalar' && typeof node.value === 'string' && /^\s*-?\d+\s*$/.test(node.value);
    return { ok: false, code: 'wrong-type', message: t(quoted ? 'values.integerQuoted' : 'values.integer', { name, found: describeNode(node) }), node };
  }
  const v = node.value;
  if (!Number.isFinite(v)) return { ok: false, code: 'out-of-range', message: t('values.finiteInteger', { name }), node };
  if (!Number.isInteger(v)) return { ok: false, code: 'wrong-type', message: t('values.wholeNumber', { name, value: v }), node };
  if (v < min) {
    if (min < 0) return { ok: false, code: 'out-of-range', message: t('values.tooSmall', { name, value: v, min }), node };
    const id = min !== 1 ? 'values.negativeNotAtLeastZero' : v === 0 ? 'values.zeroNotAtLeastOne' : 'values.negativeNotAtLeastOne';
    return { ok: false, code: 'out-of-range', message: t(id, { name, value: v }), node };
  }
  if (v > MAX_SIZE) return { ok: false, code: 'out-of-range', message: t('values.tooLarge', { name, value: v, max: MAX_SIZE }), node };
  return { ok: true, value: v };
}

export function checkPair(name: string, node: AstNode, min: number): Checked {
  if (node.kind === 'seq') {
    if (node.items.length !== 2) {
      return { ok: false, code: 'wrong-type', message: t('values.pairLength', { name, count: node.items.length }), node };
    }
    const out: number[] = [];
    for (const [i, item] of node.items.entries()) {
      const r = checkInt(t('values.item', { name, index: i, part: t(i === 0 ? 'values.height' : 'values.width') }), item, min);
      if (!r.ok) return r;
      out.push(r.value as number);
    }
    return { ok: true, value: out as Pair };
  }
  const r = checkInt(name, node, min);
  if (!r.ok) return r;
  return { ok: true, value: [r.value, r.value] };
}

const SIDES_2 = ['values.height', 'values.width'] as const;
const SIDES_4 = ['values.top', 'values.bottom', 'values.left', 'values.right'] as const;

/** An integer (all sides), [vertical, horizontal] or [top, bottom, left, right], each ≥ 0 → [top, bottom, left, right]. */
export function checkSides(name: string, node: AstNode): Checked {
  if (node.kind === 'seq') {
    const n = node.items.length;
    if (n !== 2 && n !== 4) {
      return { ok: false, code: 'wrong-type', message: t('values.sidesLength', { name, count: n }), node };
    }
    const labels = n === 2 ? SIDES_2 : SIDES_4;
    const out: number[] = [];
    for (const [i, item] of node.items.entries()) {
      const r = checkInt(t('values.item', { name, index: i, part: t(labels[i]!) }), item, 0);
      if (!r.ok) return r;
      out.push(r.value as number);
    }
    const [a, b, c, d] = n === 2 ? [out[0]!, out[0]!, out[1]!, out[1]!] : (out as [number, number, number, number]);
    return { ok: true, value: [a, b, c, d] };
  }
  const r = checkInt(name, node, 0);
  if (!r.ok) return r;
  const v = r.value as number;
  return { ok: true, value: [v, v, v, v] };
}
