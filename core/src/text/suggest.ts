// "Did you mean …?": a name another framework uses (each layer type declares its aliases), else by
// edit distance, as compilers do: only close candidates are offered.
import { t } from '../i18n/t';
import { LAYERS } from '../layers/registry';

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment, the restricted Damerau–Levenshtein distance): `cnov` is one edit from `conv`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let before = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n]!;
}

/** What users type for top-level keys; layer types and parameters declare their own aliases. */
const TOP_ALIASES: Record<string, string> = { inputshape: 'input', classes: 'labels' };

/** Lower case without `_` or `-`: `kernel_size`, `KernelSize` and `kernel-size` are one word. */
function normal(word: string): string {
  return word.toLowerCase().replace(/[_-]/g, '');
}

let aliasTable: Map<string, string[]> | undefined;
/** alias → the names it may mean (a parameter alias can belong to several types). Built on first use. */
function aliases(): Map<string, string[]> {
  if (aliasTable) return aliasTable;
  const t = new Map<string, string[]>();
  const add = (alias: string, target: string) => {
    const k = normal(alias);
    const list = t.get(k);
    if (!list) t.set(k, [target]);
    else if (!list.includes(target)) list.push(target);
  };
  for (const [k, v] of Object.entries(TOP_ALIASES)) add(k, v);
  for (const spec of LAYERS.values()) {
    for (const a of spec.aliases) add(a, spec.type);
    for (const [name, p] of Object.entries(spec.params)) for (const a of p.aliases ?? []) add(a, name);
  }
  aliasTable = t;
  return t;
}

/** Candidates within a distance that grows with the word, closest first (a known alias first of all). */
export function suggest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  if (w.length > 64) return [];
  const n = normal(w);
  const alias = aliases().get(n)?.find((a) => candidates.includes(a)) ?? candidates.find((c) => normal(c) === n);
  if (alias !== undefined && alias !== word) {
    return [alias]; // a known equivalent is the answer; near spellings would only distract
  }
  return suggestByDistance(w, candidates, max);
}

function suggestByDistance(w: string, candidates: readonly string[], max: number): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  const scored = candidates.map((c) => ({ c, d: c.toLowerCase() === w ? 0 : editDistance(w, c.toLowerCase()) }));
  const near = scored.filter((x) => x.d <= limit || (w.length >= 3 && x.c.toLowerCase().startsWith(w)));
  // A short word (4 to 6 letters) with nothing that close may be two slips away (`mxpool`, `dnse`):
  // then the closest at distance 2 only, so that a guess does not bring a list.
  const chosen = near.length || w.length < 4 || w.length > 6 ? near : closest(scored.filter((x) => x.d === 2));
  return chosen
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

function closest<T extends { d: number }>(xs: T[]): T[] {
  return xs.length <= 2 ? xs : [];
}

/** "Did you mean 'conv'?" (a rendered sentence), or '' when no name is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  if (s.length === 0) return '';
  return t('suggest.didYouMean', { names: s.map((x) => `'${x}'`).join(', ') });
}

/** A whole message (ending its sentence), then the sentences in `next` that are not empty. */
export function sentences(message: string, ...next: string[]): string {
  return next.reduce((m, n) => (n ? t('suggest.thenSentence', { message: m, next: n }) : m), message);
}

/** A message without its full stop, then `next` as a new sentence; the message alone if `next` is empty. */
export function clauseThen(message: string, next: string): string {
  return next ? t('suggest.thenClause', { message, next }) : message;
}

/** The quick-fix title that replaces a name by `name`. */
export function changeTo(name: string): string {
  return t('suggest.changeTo', { name });
}
