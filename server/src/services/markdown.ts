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
