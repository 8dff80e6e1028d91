// Text from a model file (layer names) goes into hover Markdown only inside code spans, so a name
// cannot add links, HTML or formatting.

/** A code span that holds any text, backticks and line breaks included (CommonMark: a longer fence). */
export function code(text: string): string {
  // A blank line would end the span (and the paragraph): line breaks become spaces.
  const s = text.replace(/[\r\n]+/g, ' ');
  const runs = s.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * Text as Markdown prose that shows exactly that text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no link, image, HTML, emphasis, entity
 * or bare-URL autolink can form, and line breaks become spaces, so no heading or list can start.
 * (Leading white space is dropped: Markdown drops it from a paragraph anyway.)
 */
export function plainText(text: string): string {
  // Tabs and leading spaces would open an indented code block: one space each, none at the start.
  return text.replace(/[\r\n\u2028\u2029\t]+/g, ' ').replace(/^ +/, '').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
