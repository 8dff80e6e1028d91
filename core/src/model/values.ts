// Checking single values against a parameter's kind: the one place that knows what "an integer ≥ 1"
// or "[height, width]" means, for layers and the top level alike.
import { describeNode, type AstNode } from '../syntax/ast';
import type { ParamKind } from '../layers/spec';
import type { Pair, ParamValue } from './types';

/** Sizes above this are refused: no real image or layer is that large, and products stay exact. */
export const MAX_SIZE = 2 ** 31 - 1;

export type Checked = { ok: true; value: ParamValue } | { ok: false; code: 'wrong-type' | 'out-of-range'; message: string; node: AstNode };

export function checkValue(name: string, node: AstNode | null, kind: ParamKind): Checked {
  if (!node || (node.kind === 'scalar' && node.value === null)) {
    return { ok: false, code: 'wrong-type', message: `${name} has no value`, node: node ?? placeholder() };
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
        return { ok: false, code: 'wrong-type', message: `${name} must be a number, [height, width], 'same' or 'valid', not "${v}"`, node };
      }
      return checkPair(name, node, 0);
    }
    case 'enum': {
      if (node.kind === 'scalar' && typeof node.value === 'string' && kind.values.includes(node.value)) return { ok: true, value: node.value };
      const shown = node.kind === 'scalar' && typeof node.value === 'string' ? `"${node.value}"` : describeNode(node);
      return { ok: false, code: 'out-of-range', message: `${name} must be ${kind.values.map((v) => `'${v}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}, not ${shown}`, node };
    }
    case 'sides':
      return checkSides(name, node);
    case 'ref':
      if (node.kind === 'scalar' && ((typeof node.value === 'string' && node.value.trim() !== '') || (typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0))) {
        return { ok: true, value: String(node.value) };
      }
      return { ok: false, code: 'wrong-type', message: `${name} must be a layer name, not ${describeNode(node)}`, node };
    case 'bool':
      if (node.kind === 'scalar' && typeof node.value === 'boolean') return { ok: true, value: node.value };
      return { ok: false, code: 'wrong-type', message: `${name} must be true or false, not ${describeNode(node)}`, node };
    case 'number': {
      if (node.kind !== 'scalar' || typeof node.value !== 'number') {
        return { ok: false, code: 'wrong-type', message: `${name} must be a number, not ${describeNode(node)}`, node };
      }
      const v = node.value;
      if (!Number.isFinite(v)) return { ok: false, code: 'out-of-range', message: `${name} must be a finite number`, node };
      const lowOk = kind.min === undefined || (kind.minExclusive ? v > kind.min : v >= kind.min);
      const highOk = kind.max === undefined || (kind.maxExclusive ? v < kind.max : v <= kind.max);
      if (!lowOk || !highOk) {
        const lo = kind.min === undefined ? '' : `${kind.min} ${kind.minExclusive ? '<' : '≤'} `;
        const hi = kind.max === undefined ? '' : ` ${kind.maxExclusive ? '<' : '≤'} ${kind.max}`;
        return { ok: false, code: 'out-of-range', message: `${name} is ${v}, but it must be ${lo}${name}${hi}`, node };
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
    const hint = node.kind === 'scalar' && typeof node.value === 'string' && /^\s*-?\d+\s*$/.test(node.value) ? ' (remove the quotes)' : '';
    return { ok: false, code: 'wrong-type', message: `${name} must be an integer, not ${describeNode(node)}${hint}`, node };
  }
  const v = node.value;
  if (!Number.isFinite(v)) return { ok: false, code: 'out-of-range', message: `${name} must be a finite integer`, node };
  if (!Number.isInteger(v)) return { ok: false, code: 'wrong-type', message: `${name} must be a whole number, not ${v}`, node };
  if (v < min) {
    const what = min === 1 ? (v === 0 ? 'zero' : 'negative') : 'negative';
    if (min < 0) return { ok: false, code: 'out-of-range', message: `${name} is ${v}: too small (at least ${min})`, node };
    return { ok: false, code: 'out-of-range', message: `${name} is ${v}: it must be ${min === 1 ? 'at least 1' : 'at least 0'}, ${what} makes no sense here`, node };
  }
  if (v > MAX_SIZE) return { ok: false, code: 'out-of-range', message: `${name} is ${v}: too large (at most ${MAX_SIZE})`, node };
  return { ok: true, value: v };
}

export function checkPair(name: string, node: AstNode, min: number): Checked {
  if (node.kind === 'seq') {
    if (node.items.length !== 2) {
      return { ok: false, code: 'wrong-type', message: `${name} must be an integer or a pair [height, width], not a list of ${node.items.length}`, node };
    }
    const out: number[] = [];
    for (const [i, item] of node.items.entries()) {
      const r = checkInt(`${name}[${i}] (${i === 0 ? 'height' : 'width'})`, item, min);
      if (!r.ok) return r;
      out.push(r.value as number);
    }
    return { ok: true, value: out as Pair };
  }
  const r = checkInt(name, node, min);
  if (!r.ok) return r;
  return { ok: true, value: [r.value, r.value] };
}

/** An integer (all sides), [vertical, horizontal] or [top, bottom, left, right], each ≥ 0 → [top, bottom, left, right]. */
export function checkSides(name: string, node: AstNode): Checked {
  if (node.kind === 'seq') {
    const n = node.items.length;
    if (n !== 2 && n !== 4) {
      return { ok: false, code: 'wrong-type', message: `${name} must be an integer, [height, width] or [top, bottom, left, right], not a list of ${n}`, node };
    }
    const labels = n === 2 ? ['height', 'width'] : ['top', 'bottom', 'left', 'right'];
    const out: number[] = [];
    for (const [i, item] of node.items.entries()) {
      const r = checkInt(`${name}[${i}] (${labels[i]!})`, item, 0);
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
