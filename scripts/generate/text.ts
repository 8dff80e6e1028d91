// Wording shared by the generated files: a key's title, plain text from Markdown, and the note that says a
// value's default (inserted after the first sentence, where editors' hovers put the eye).

/** `in_channels` → `In channels`. */
export function title(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Lower-cases a sentence's first word when it is an ordinary word ("A", "Number"), not an acronym or a symbol ("ReLU", "F"). */
export function lowerFirst(text: string): string {
  const word = /^[A-Za-z]+/.exec(text)?.[0] ?? '';
  return word === 'A' || /^[A-Z][a-z]+$/.test(word) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Markdown without its emphasis and code marks, for editors that show `description` as plain text. */
export function plain(markdown: string): string {
  return markdown.replace(/\*\*/g, '').replace(/`/g, '');
}

/** Index just after the first sentence's full stop (not one of "e.g.", "i.e."), or -1. */
function endOfFirstSentence(text: string): number {
  for (let i = text.indexOf('. '); i >= 0; i = text.indexOf('. ', i + 1)) {
    if (!/(?:\be\.g|\bi\.e)$/.test(text.slice(0, i))) return i + 1;
  }
  return -1;
}

/** `doc` with `note` after its first sentence (at its end when it has one sentence). */
export function withNote(doc: string, note: string): string {
  if (!note) return doc;
  const at = endOfFirstSentence(doc);
  return at < 0 ? `${doc} ${note}` : `${doc.slice(0, at)} ${note}${doc.slice(at)}`;
}

/** A default as it is written in a file. */
export function literal(value: number | boolean | string): string {
  return typeof value === 'string' ? value : String(value);
}

/** Whether a doc already says its default, or that it is required or optional. */
export const SAYS_DEFAULT = /\bdefaults?\b/i;
export const SAYS_OPTIONAL = /\boptional\b/i;
