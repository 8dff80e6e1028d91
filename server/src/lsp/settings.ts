// The `cnnShape` settings section, as the client sends it (workspace/configuration or
// didChangeConfiguration). Anything unexpected falls back to the default: a hand-edited settings
// file can hold anything.
import { ROUNDINGS } from '../../../core/src/index';
import type { Rounding } from '../../../core/src/index';

/** `cnnShape.language`: `auto` follows the editor's display language (the `initialize` request's locale). */
export type LanguageSetting = 'auto' | 'en' | 'zh-cn';
const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'en', 'zh-cn'];

export const SECTION = 'cnnShape';

export interface Settings {
  inlayHints: boolean;
  /** For files without a `rounding:` key. */
  defaultRounding: Rounding;
  language: LanguageSetting;
  /** `cnnShape.codeLens.explain`: the "Explain this layer" lens on conv and pool layers. */
  explainLens: boolean;
}

export const DEFAULT_SETTINGS: Settings = { inlayHints: true, defaultRounding: 'strict', language: 'auto', explainLens: true };

/** Reads `{inlayHints: {enabled}, rounding: {default}, language}`, the same with dotted keys, or either under `cnnShape`. */
export function readSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  // Some clients answer with the whole settings object instead of the section.
  const inner = (raw as Record<string, unknown>)[SECTION];
  if (typeof inner === 'object' && inner !== null) return readSettings(inner);
  const enabled = lookup(raw, 'inlayHints', 'enabled');
  const rounding = lookup(raw, 'rounding', 'default');
  const language = (raw as Record<string, unknown>)['language'];
  return {
    explainLens: lookup(raw, 'codeLens', 'explain') !== false,
    language: LANGUAGE_SETTINGS.includes(language as LanguageSetting) ? (language as LanguageSetting) : 'auto',
    inlayHints: enabled !== false,
    defaultRounding: typeof rounding === 'string' && (ROUNDINGS as readonly string[]).includes(rounding) ? (rounding as Rounding) : 'strict',
  };
}

function lookup(raw: object, group: string, key: string): unknown {
  const r = raw as Record<string, unknown>;
  const nested = r[group];
  if (typeof nested === 'object' && nested !== null && key in nested) return (nested as Record<string, unknown>)[key];
  return r[`${group}.${key}`];
}
