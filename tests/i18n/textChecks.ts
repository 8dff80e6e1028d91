// Checks a translation must pass, shared by the message catalogue's test (catalog.test.ts) and the layer
// docs' test (layerDocs.test.ts): same placeholders, same `code` spans and numbers, Chinese where the
// English has words, and the tutorials' glossary terms (never the words they avoid).
import { GLOSSARY, placeholdersOf } from '../../core/src/index';

export interface Pair {
  id: string;
  en: string;
  zh: string;
}

/** `code` spans, as written: they are names and values, the same in every language. */
export const codeSpans = (s: string) => [...s.matchAll(/`[^`]*`/g)].map((m) => m[0]).sort();
/** Digits as the arithmetic prints them. */
export const numbers = (s: string) => [...s.replace(/`[^`]*`|\{[A-Za-z0-9_]+\}/g, ' ').matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).sort();
/** The prose: without `code`, 'quoted' words and placeholders. */
export const withoutCode = (s: string) => s.replace(/`[^`]*`|'[^']*'|\{[A-Za-z0-9_]+\}/g, ' ');

export function missing(pairs: readonly Pair[]): string[] {
  return pairs.filter((e) => e.zh.trim() === '').map((e) => e.id);
}

/** Ids whose English has words but whose "translation" has no Chinese at all. */
export function untranslated(pairs: readonly Pair[]): string[] {
  return pairs.filter((e) => /[A-Za-z]{3,}/.test(withoutCode(e.en)) && !/[\u4e00-\u9fff]/.test(e.zh)).map((e) => e.id);
}

/** Placeholders, `code` and numbers that differ between the English and the translation. */
export function sameTokens(pairs: readonly Pair[]): string[] {
  const bad: string[] = [];
  for (const e of pairs) {
    if (placeholdersOf(e.en).join() !== placeholdersOf(e.zh).join()) bad.push(`${e.id}: placeholders ${placeholdersOf(e.en).join()} vs ${placeholdersOf(e.zh).join()}`);
    if (codeSpans(e.en).join() !== codeSpans(e.zh).join()) bad.push(`${e.id}: code ${codeSpans(e.en).join()} vs ${codeSpans(e.zh).join()}`);
    if (numbers(e.en).join() !== numbers(e.zh).join()) bad.push(`${e.id}: numbers ${numbers(e.en).join()} vs ${numbers(e.zh).join()}`);
  }
  return bad;
}

/** Glossary terms the English uses and the translation renders otherwise (or with a word to avoid). */
export function glossaryProblems(pairs: readonly Pair[]): string[] {
  const bad: string[] = [];
  for (const e of pairs) {
    const prose = withoutCode(e.en).toLowerCase();
    for (const term of GLOSSARY) {
      const used = term.en.some((w) => new RegExp(`(^|[^a-z])${w.toLowerCase().replace(/[-]/g, '[- ]')}([^a-z]|$)`).test(prose));
      if (used && !term.zh.some((z) => e.zh.includes(z))) bad.push(`${e.id}: "${term.en[0]}" should read ${term.zh.join(' / ')}`);
      for (const a of term.avoid ?? []) if (e.zh.includes(a)) bad.push(`${e.id}: uses ${a}, the tutorials say ${term.zh[0]}`);
    }
  }
  return bad;
}

/** Pairs whose English is the same but whose translations differ (VS Code bundles are keyed by the English). */
export function clashes(pairs: readonly Pair[]): string[] {
  const seen = new Map<string, Pair>();
  const out: string[] = [];
  for (const e of pairs) {
    const first = seen.get(e.en);
    if (first && first.zh !== e.zh) out.push(`${first.id} and ${e.id}`);
    if (!first) seen.set(e.en, e);
  }
  return out;
}
