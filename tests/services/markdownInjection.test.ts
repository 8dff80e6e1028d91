// Strings from the model file (layer types, names, references, keys, values) never become Markdown in a
// hover: rendered with markdown-it (HTML and bare-URL links on, as permissive as an editor can be), no
// model string makes a link, image, HTML tag or heading, and the text still reads as written.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import fc from 'fast-check';
import type { MarkupContent } from 'vscode-languageserver';
import { hover } from '../../server/src/services/hover';
import { plainText } from '../../server/src/services/markdown';
import { open } from './support';

// markdown-it comes with the packaging tools (not a dependency of ours): loaded untyped.
const MarkdownIt = createRequire(__filename)('markdown-it') as new (o: object) => { render(s: string): string };
const md = new MarkdownIt({ html: true, linkify: true });

/** The tags a hover may render to: paragraphs, bold, code spans, line breaks. */
const ALLOWED = new Set(['p', 'strong', 'code', 'br']);

function assertInert(markdown: string): void {
  const html = md.render(markdown);
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) assert.ok(ALLOWED.has(m[1]!.toLowerCase()), `<${m[1]}> in ${html}`);
}

const HOSTILE = [
  '[open me](https://example.com)', '![x](https://example.com/i.png)', '<img src=x onerror=alert(1)>', '<b>bold</b>',
  '# heading', 'https://example.com', 'www.example.com', 'a\n# b', 'a\n\n---\n', '`x`', '``', '*a*', '_a_', '&amp;', '&#60;script&#62;',
  '<https://example.com>', '[a]: https://example.com', '| a | b |', '> quote', '1. item', '\\', 'x\r\n===', '<!-- c -->',
];
const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.array(fc.constantFrom(...HOSTILE, 'a', ' ', '\n', '[', ']', '(', ')', '<', '>', '!', '#', '`', ':', '/', '.', 'www', 'http'), { maxLength: 12 }).map((a) => a.join('')),
);

test('plainText: any string renders as that very text, with no markup', () => {
  fc.assert(
    fc.property(fc.oneof(hostile, fc.string(), fc.string({ unit: 'binary' })), (s) => {
      const html = md.render(plainText(s));
      assertInert(plainText(s));
      // The visible text is the string (line breaks as spaces; HTML entities decoded).
      const visible = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
      const want = s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
      // Control characters, NUL and runs of white space are shown as Markdown normalises them.
      const plainEnough = [...s].every((c) => c >= ' ' && c !== '\u007f' && c !== '\ufffd') && !/^\s|\s$|\s{2}/.test(s);
      if (plainEnough) assert.equal(visible, want);
    }),
    { numRuns: 500 },
  );
});

function hoverAt(text: string, needle: string): string {
  const { analysis, doc } = open(text);
  const at = text.indexOf(needle);
  assert.ok(at >= 0);
  const h = hover(analysis, doc, at + 1);
  return h ? (h.contents as MarkupContent).value : '';
}

test('a hover never renders a model string as a link, image, HTML or heading', () => {
  const yamlString = (s: string) => JSON.stringify(s); // a double-quoted YAML scalar holds any text
  fc.assert(
    fc.property(hostile, hostile, (type, name) => {
      const t = yamlString(type);
      const n = yamlString(name);
      const text = `input: 8x8x3\nlayers:\n  - {type: ${t}, name: ${n}, kernel: ${t}}\n  - {type: conv, filters: 2, kernel: 1, inputs: [${n}], stride: ${t}}\n  - {type: relu, ${t}: 1}\n`;
      for (const needle of [`type: ${t}`, `inputs: [${n}]`, `stride: ${t}`, `relu, ${t}`, `kernel: ${t}`]) assertInert(hoverAt(text, needle));
    }),
    { numRuns: 150 },
  );
});

test('the link from the report stays text in the layer hover', () => {
  const v = hoverAt('input: 8x8x3\nlayers:\n  - {type: "[open me](https://example.com)"}\n', '[open');
  assertInert(v);
  assert.doesNotMatch(md.render(v), /href/);
  assert.match(md.render(v), /\[open me\]\(https:\/\/example\.com\)/);
});
