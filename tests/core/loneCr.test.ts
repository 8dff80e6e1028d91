// A lone CR is a line break for the editor (LSP positions, TextDocument, VS Code's display) and now for
// the parser too: a model written with CR, LF or CRLF line ends reads the same, and every diagnostic
// stands on the same line and character.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../core/src/index';

const line = fc.oneof(
  fc.constantFrom('  - relu', '  - flatten', '  - {type: conv, filters: 4, kernel: 3}', '  - {type: maxpool, kernel: 2}', '  - {type: conv, filters: 2, kernel: 40}', '  - {type: dense, units: 3}', '  - convv', '  # a comment', ''),
  fc.tuple(fc.constantFrom('conv', 'maxpool', 'avgpool'), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 })).map(([t, k, s]) => `  - type: ${t}\n    kernel: ${k}\n    stride: ${s}${t === 'conv' ? '\n    filters: 2' : ''}`),
);

function summary(a: Analysis, doc: TextDocument) {
  return {
    diagnostics: a.diagnostics.map((d) => ({ code: d.code, message: d.message, start: doc.positionAt(d.span.start), end: doc.positionAt(d.span.end) })),
    shapes: a.layers.map((r) => r.output),
  };
}

function read(text: string) {
  return summary(analyze({ text, fileName: 'm.cnn.yaml' }), TextDocument.create('file:///m.cnn.yaml', 'cnn-yaml', 1, text));
}

test('a model with lone CRs reads as with LFs: same layers, diagnostics at the same line and character', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\r', '\r\n'), (ls, eol) => {
      const lf = `input: 16x16x3\nlayers:\n${ls.join('\n')}\n`;
      const other = lf.replace(/\n/g, eol);
      assert.deepEqual(read(other), read(lf));
    }),
    { numRuns: 150 },
  );
});

test('mixed line ends in one file: each CR, LF and CRLF is one line break', () => {
  const text = 'input: 8x8x3\rlayers:\r\n  - relu\n  - {type: conv, filters: 2, kernel: 9}\r';
  const a = analyze({ text, fileName: 'm.cnn.yaml' });
  assert.deepEqual(a.diagnostics.map((d) => d.code), ['empty-output']);
  const doc = TextDocument.create('file:///m.cnn.yaml', 'cnn-yaml', 1, text);
  assert.equal(doc.positionAt(a.diagnostics[0]!.span.start).line, 3);
});
