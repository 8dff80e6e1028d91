// The layer types' words in the user's language. The English stays with each type (its own file, and
// registry.ts for the keys every layer has), because a layer type owns everything about itself; the
// translations are one file per language, keyed `<type>.summary`, `<type>.doc`, `<type>.rule`,
// `<type>.param.<name>`, `common.<key>` and `rounding` (core/src/i18n/zh-cn/layers.ts). A missing or
// extra key there does not compile; tests/i18n/layerDocs.test.ts checks the wording (glossary, numbers).
import type { Locale } from '../i18n/locale';
import { getLocale } from '../i18n/t';
import { layers as zhLayers, weightLayouts as zhWeightLayouts } from '../i18n/zh-cn/layers';
import { COMMON_KEY_DOCS, LAYERS, LAYER_DEFS, LAYER_ROUNDING_DOC, type LayerType } from './registry';

type ParamDocKey<T extends LayerType> = `${T}.param.${keyof (typeof LAYER_DEFS)[T]['params'] & string}`;

/** Every text a translation gives: the key of each English doc string of the registry. */
export type LayerDocKey =
  | { [T in LayerType]: `${T}.summary` | `${T}.doc` | `${T}.rule` | ParamDocKey<T> }[LayerType]
  | `common.${keyof typeof COMMON_KEY_DOCS}`
  | 'rounding';

/** A language's layer texts: every key (the type system holds it to the registry). */
export type LayerDocs = Readonly<Record<LayerDocKey, string>>;

const TRANSLATIONS: Partial<Record<Locale, { docs: LayerDocs; weights: Readonly<Record<string, string>> }>> = {
  'zh-cn': { docs: zhLayers, weights: zhWeightLayouts },
};

/** The registry's English texts by key, in the registry's order (for translations, tests and docs). */
export function englishLayerDocs(): Array<{ key: LayerDocKey; en: string }> {
  const out: Array<{ key: string; en: string }> = [];
  for (const s of LAYERS.values()) {
    out.push({ key: `${s.type}.summary`, en: s.summary }, { key: `${s.type}.doc`, en: s.doc }, { key: `${s.type}.rule`, en: s.rule });
    for (const [name, p] of Object.entries(s.params)) out.push({ key: `${s.type}.param.${name}`, en: p.doc });
  }
  for (const [k, en] of Object.entries(COMMON_KEY_DOCS)) out.push({ key: `common.${k}`, en });
  out.push({ key: 'rounding', en: LAYER_ROUNDING_DOC });
  return out as Array<{ key: LayerDocKey; en: string }>;
}

/** Weight layouts that hold words ("[filters] (when bias)"), by `<type>.<key>`; bare shapes need none. */
export function englishWeightLayouts(): Array<{ key: string; en: string }> {
  const out: Array<{ key: string; en: string }> = [];
  for (const s of LAYERS.values()) {
    for (const [k, en] of Object.entries(s.weights?.layout ?? {})) if (layoutHasWords(en)) out.push({ key: `${s.type}.${k}`, en });
  }
  return out;
}

/** Words outside the brackets: "(when bias)" is, "[depth, filters/groups, kh, kw]" is not. */
export function layoutHasWords(layout: string): boolean {
  return /[A-Za-z]{3,}/.test(layout.replace(/\[[^\]]*\]/g, ''));
}

/** A language's own table of layer texts and weight layouts, as written (for its checks); none for English. */
export function layerDocTranslation(locale: Locale): { docs: Readonly<Record<string, string>>; weights: Readonly<Record<string, string>> } | undefined {
  return TRANSLATIONS[locale];
}

/** The text of `key` in `locale`, else the English one. */
function text(key: string, en: string, locale: Locale): string {
  return (TRANSLATIONS[locale]?.docs as Record<string, string> | undefined)?.[key] ?? en;
}

export interface LayerTexts {
  summary: string;
  doc: string;
  rule: string;
  /** Parameter name → its doc. */
  params: Record<string, string>;
  /** Weight key → its layout in words. */
  weights: Record<string, string>;
}

/** A layer type's words in `locale` (the current language by default); undefined for an unknown type. */
export function layerTexts(type: string, locale: Locale = getLocale()): LayerTexts | undefined {
  const s = LAYERS.get(type);
  if (!s) return undefined;
  const weights = TRANSLATIONS[locale]?.weights ?? {};
  return {
    summary: text(`${type}.summary`, s.summary, locale),
    doc: text(`${type}.doc`, s.doc, locale),
    rule: text(`${type}.rule`, s.rule, locale),
    params: Object.fromEntries(Object.entries(s.params).map(([name, p]) => [name, text(`${type}.param.${name}`, p.doc, locale)])),
    weights: Object.fromEntries(Object.entries(s.weights?.layout ?? {}).map(([k, en]) => [k, weights[`${type}.${k}`] ?? en])),
  };
}

/** A parameter's doc in the current language; undefined when the type has no such parameter. */
export function paramDoc(type: string, name: string, locale: Locale = getLocale()): string | undefined {
  const p = LAYERS.get(type)?.params;
  if (!p || !Object.prototype.hasOwnProperty.call(p, name)) return undefined;
  return text(`${type}.param.${name}`, p[name]!.doc, locale);
}

/** The doc of a key every layer may have (`type`, `name`, `inputs`, `parameters`); undefined for others. */
export function commonKeyDoc(key: string, locale: Locale = getLocale()): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(COMMON_KEY_DOCS, key)) return undefined;
  return text(`common.${key}`, COMMON_KEY_DOCS[key as keyof typeof COMMON_KEY_DOCS], locale);
}

/** Every common key with its doc in the current language, in the registry's order. */
export function commonKeyDocs(locale: Locale = getLocale()): Record<string, string> {
  return Object.fromEntries(Object.keys(COMMON_KEY_DOCS).map((k) => [k, commonKeyDoc(k, locale)!]));
}

/** The doc of a window layer's own `rounding:` key in the current language. */
export function layerRoundingDoc(locale: Locale = getLocale()): string {
  return text('rounding', LAYER_ROUNDING_DOC, locale);
}
