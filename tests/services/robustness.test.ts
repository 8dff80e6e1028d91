// Bad input never crashes a service: texts made by mutating real models (brackets, quotes, colons,
// dashes, line breaks, tabs, Chinese text and emoji inserted or deleted anywhere), every service at
// random offsets. Every position returned must lie inside the document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Position, Range } from 'vscode-languageserver';
import { codeActions } from '../../server/src/services/codeActions';
import { codeLenses } from '../../server/src/services/codeLenses';
import { completion } from '../../server/src/services/completion';
import { documentSymbols } from '../../server/src/services/documentSymbols';
import { foldingRanges } from '../../server/src/services/foldingRanges';
import { hover } from '../../server/src/services/hover';
import { inlayHints } from '../../server/src/services/inlayHints';
import { validation } from '../../server/src/services/validation';
import { open } from './support';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const seeds = [SAMPLES, join(SAMPLES, 'broken')]
  .flatMap((dir) => readdirSync(dir).filter((f) => /\.cnn\.(ya?ml|json)$/.test(f)).map((f) => join(dir, f)))
  .map((path) => ({ file: path, text: readFileSync(path, 'utf8') }))
  .filter((s) => s.text.length < 20_000);

const PIECES = ['{', '}', '[', ']', ':', ': ', '- ', '-', ',', '"', "'", '#', '\n', '\r\n', '\t', '  ', 'conv', 'type: ', 'inputs: [', '&a ', '*a', '<<: ', '卷积', '😀', '\\', '0', '-1', '1e999', 'null', '|'];

const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }) });

function mutate(text: string, edits: Array<{ at: number; del: number; ins: string[] }>): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    t = t.slice(0, at) + e.ins.join('') + t.slice(at + e.del);
  }
  return t;
}

test('property: every service answers on mangled models, with positions inside the document', () => {
  assert.ok(seeds.length > 0, 'samples to start from');
  fc.assert(
    fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (seed, edits, offsets) => {
      const text = mutate(seed.text, edits);
      const { analysis, doc } = open(text, seed.file);
      const end = doc.positionAt(text.length);
      const inside = (p: Position) => {
        assert.ok(p.line >= 0 && p.character >= 0 && (p.line < end.line || (p.line === end.line && p.character <= end.character)), JSON.stringify(p));
        assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, 'a position inside a line (not past it, not between \\r and \\n)');
      };
      const range = (r: Range) => {
        inside(r.start);
        inside(r.end);
      };
      const whole = { start: { line: 0, character: 0 }, end };
      for (const d of validation(analysis, doc)) {
        range(d.range);
        for (const r of d.relatedInformation ?? []) range(r.location.range);
      }
      for (const o of offsets) {
        const at = o % (text.length + 1);
        const h = hover(analysis, doc, at);
        if (h?.range) range(h.range);
        for (const c of completion(analysis, doc, at)) if (c.textEdit && 'range' in c.textEdit) range(c.textEdit.range);
        const p = doc.positionAt(at);
        for (const a of codeActions(analysis, doc, { start: p, end: p })) for (const e of a.edit?.changes?.[doc.uri] ?? []) range(e.range);
      }
      for (const h of inlayHints(analysis, doc, whole)) inside(h.position);
      for (const s of documentSymbols(analysis, doc)) {
        range(s.range);
        range(s.selectionRange);
        for (const c of s.children ?? []) range(c.range);
      }
      for (const f of foldingRanges(analysis, doc)) assert.ok(f.startLine < f.endLine && f.endLine <= end.line);
      for (const l of codeLenses(analysis, doc)) range(l.range);
    }),
    { numRuns: 300 },
  );
});
