// The reference of every layer type, as data: what `cnnshape layers --json` prints and what
// docs/layers.md and the JSON Schema are generated from. Built from the registry alone, so a new type
// appears everywhere by itself. The key order of each entry is part of the CLI's stable output.
// The words (summary, doc, rule, parameter docs, labels) are in the current language (docs.ts, t()).
import { listOr, t } from '../i18n/t';
import { suggest } from '../text/suggest';
import { layerTexts, type LayerTexts } from './docs';
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

function paramReference(name: string, p: ParamSpec, doc: string): ParamReference {
  const r: ParamReference = {
    name,
    kind: p.kind,
    required: p.required === true,
    default: p.default ?? null,
    defaultFrom: p.defaultFrom ?? null,
    doc,
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

function reference(s: LayerSpec, words: LayerTexts): LayerReference {
  return {
    type: s.type,
    summary: words.summary,
    doc: words.doc,
    rule: words.rule,
    arity: s.arity,
    aliases: [...s.aliases],
    featureMaps: s.featureMaps,
    rounding: s.rounding === true,
    params: Object.entries(s.params).map(([name, p]) => paramReference(name, p, words.params[name] ?? p.doc)),
    weights: words.weights,
  };
}

/**
 * The reference of the given types (all, in the registry's order, by default), in the current language
 * (English where a text has no translation). Unknown types are skipped.
 */
export function layerReference(types: readonly string[] = LAYER_TYPES): LayerReference[] {
  return types.flatMap((type) => {
    const s = LAYERS.get(type);
    const words = layerTexts(type);
    return s && words ? [reference(s, words)] : [];
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
  const quoted = (vs: readonly string[] | undefined) => (vs ?? []).map((v) => `\`${v}\``);
  switch (p.kind) {
    case 'int':
      return t('layerRef.kindInt', { min: p.min ?? 0 });
    case 'pair':
      return t('layerRef.kindPair', { min: p.min ?? 0 });
    case 'padding':
      return t('layerRef.kindPadding', { words: listOr(quoted(p.values)) });
    case 'bool':
      return t('layerRef.kindBool');
    case 'number': {
      const lo = p.min === undefined ? '' : `${p.min} ${p.minExclusive ? '<' : '≤'} `;
      const hi = p.max === undefined ? '' : ` ${p.maxExclusive ? '<' : '≤'} ${p.max}`;
      return lo || hi ? t('layerRef.kindNumberRange', { range: `${lo}x${hi}` }) : t('layerRef.kindNumber');
    }
    case 'enum':
      return t('layerRef.kindEnum', { values: quoted(p.values).join(', ') });
    case 'sides':
      return t('layerRef.kindSides');
    case 'ref':
      return t('layerRef.kindRef');
  }
}

/** "required", "default 1", "default: the kernel", or "optional". */
export function defaultLabel(p: ParamReference): string {
  if (p.required) return t('layerRef.required');
  if (p.default !== null) return t('layerRef.defaultValue', { value: String(p.default) });
  if (p.defaultFrom !== null) return t('layerRef.defaultFrom', { param: p.defaultFrom });
  return t('layerRef.optional');
}
