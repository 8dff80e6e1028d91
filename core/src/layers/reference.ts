// The reference of every layer type, as data: what `cnnshape layers --json` prints and what
// docs/layers.md and the JSON Schema are generated from. Built from the registry alone, so a new type
// appears everywhere by itself. The key order of each entry is part of the CLI's stable output.
import { suggest } from '../text/suggest';
import { LAYERS, LAYER_TYPES } from './registry';
import type { LayerSpec, ParamSpec } from './spec';

export interface ParamReference {
  name: string;
  kind: ParamSpec['kind'];
  required: boolean;
  /** The default as written in a file; null when there is none (required, optional-checked, or `defaultFrom`). */
  default: number | boolean | string | null;
  /** The parameter whose value is the default (maxpool's stride: kernel); null when none. */
  defaultFrom: string | null;
  doc: string;
  /** What PyTorch or Keras call it. */
  aliases: string[];
  /** Bounds, for int, pair and number kinds: present only where the kind has them. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** The words an enum takes (padding also takes `same` and `valid`). */
  values?: string[];
}

export interface LayerReference {
  type: string;
  summary: string;
  doc: string;
  /** The shape rule in words. */
  rule: string;
  /** `one` input, or `many` (two or more). */
  arity: 'one' | 'many';
  /** Other frameworks' names for the type. */
  aliases: string[];
  /** Whether the runner shows its output as feature maps. */
  featureMaps: boolean;
  /** Whether a layer of this type may carry its own `rounding:` (v2: the window layers). */
  rounding: boolean;
  params: ParamReference[];
  /** Weight key → its PyTorch layout in words; empty for a type without weights. */
  weights: Record<string, string>;
}

/** The words `padding` takes besides numbers. */
export const PADDING_WORDS: readonly string[] = ['same', 'valid'];

function paramReference(name: string, p: ParamSpec): ParamReference {
  const r: ParamReference = {
    name,
    kind: p.kind,
    required: p.required === true,
    default: p.default ?? null,
    defaultFrom: p.defaultFrom ?? null,
    doc: p.doc,
    aliases: [...(p.aliases ?? [])],
  };
  switch (p.kind) {
    case 'int':
    case 'pair':
      r.min = p.min;
      break;
    case 'number':
      if (p.min !== undefined) r.min = p.min;
      if (p.max !== undefined) r.max = p.max;
      if (p.minExclusive) r.minExclusive = true;
      if (p.maxExclusive) r.maxExclusive = true;
      break;
    case 'padding':
      r.min = 0;
      r.values = [...PADDING_WORDS];
      break;
    case 'sides':
      r.min = 0;
      break;
    case 'enum':
      r.values = [...p.values];
      break;
    case 'bool':
      break;
  }
  return r;
}

function reference(s: LayerSpec): LayerReference {
  return {
    type: s.type,
    summary: s.summary,
    doc: s.doc,
    rule: s.rule,
    arity: s.arity,
    aliases: [...s.aliases],
    featureMaps: s.featureMaps,
    rounding: s.rounding === true,
    params: Object.entries(s.params).map(([name, p]) => paramReference(name, p)),
    weights: { ...(s.weights?.layout ?? {}) },
  };
}

/** The reference of the given types (all, in the registry's order, by default). Unknown types are skipped. */
export function layerReference(types: readonly string[] = LAYER_TYPES): LayerReference[] {
  return types.flatMap((t) => {
    const s = LAYERS.get(t);
    return s ? [reference(s)] : [];
  });
}

/** A layer type from what a user typed: the type itself, or another framework's name for it (Conv2d). */
export function resolveLayerType(word: string): { type: string } | { suggestions: string[] } {
  if (LAYERS.has(word)) return { type: word };
  const s = suggest(word, LAYER_TYPES);
  const lower = word.toLowerCase();
  for (const spec of LAYERS.values()) {
    if (spec.type === lower || spec.aliases.some((a) => a.toLowerCase() === lower)) return { type: spec.type };
  }
  return { suggestions: s };
}

/** A parameter's kind in words, for the CLI's text and docs/layers.md: "integer ≥ 1", "one of `a`, `b`". */
export function kindLabel(p: ParamReference): string {
  switch (p.kind) {
    case 'int':
      return `integer ≥ ${p.min ?? 0}`;
    case 'pair':
      return `integer or [height, width], each ≥ ${p.min ?? 0}`;
    case 'padding':
      return `integer, [height, width], ${(p.values ?? []).map((v) => `\`${v}\``).join(' or ')}`;
    case 'bool':
      return 'true or false';
    case 'number': {
      const lo = p.min === undefined ? '' : `${p.min} ${p.minExclusive ? '<' : '≤'} `;
      const hi = p.max === undefined ? '' : ` ${p.maxExclusive ? '<' : '≤'} ${p.max}`;
      return lo || hi ? `number, ${lo}x${hi}` : 'number';
    }
    case 'enum':
      return `one of ${(p.values ?? []).map((v) => `\`${v}\``).join(', ')}`;
    case 'sides':
      return 'integer, [height, width] or [top, bottom, left, right], each ≥ 0';
    case 'ref':
      return "a layer's name (as in `inputs`)";
  }
}

/** "required", "default 1", "default: the kernel", or "optional". */
export function defaultLabel(p: ParamReference): string {
  if (p.required) return 'required';
  if (p.default !== null) return `default ${String(p.default)}`;
  if (p.defaultFrom !== null) return `default: the ${p.defaultFrom}`;
  return 'optional';
}
