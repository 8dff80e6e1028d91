// Every sample, v1 and v2 (blocks, nested blocks, dotted names, broken files): renaming any name that
// can be renamed keeps the network as it was (the same layers, shapes and kinds of problems), and
// every name request at every fifth offset answers without throwing, with ranges inside the text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { analyze, shapeLabel } from '../../core/src/index';
import { definition } from '../../server/src/services/definition';
import { hover } from '../../server/src/services/hover';
import { documentHighlights, references } from '../../server/src/services/references';
import { prepareRename, rename } from '../../server/src/services/rename';
import { symbolAt } from '../../server/src/services/symbols';

const ROOT = join(__dirname, '..', '..', 'samples');

function samples(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...samples(p));
    else if (/\.cnn\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out.sort();
}

function network(text: string, file: string): { shapes: string[]; codes: string[] } {
  const a = analyze({ text, fileName: file });
  return { shapes: a.layers.map((r) => shapeLabel(r.output)), codes: a.diagnostics.map((d) => d.code).sort() };
}

/** The same shapes and problems; renaming a second layer with a taken name may only remove that problem. */
function sameNetwork(after: ReturnType<typeof network>, before: ReturnType<typeof network>, what: string): void {
  assert.deepEqual(after.shapes, before.shapes, what);
  const lost = [...before.codes];
  for (const c of after.codes) {
    const i = lost.indexOf(c);
    assert.ok(i >= 0, `${what}: a new problem ${c}`);
    lost.splice(i, 1);
  }
  assert.ok(lost.every((c) => c === 'duplicate-name'), `${what}: lost ${lost.join(', ')}`);
}

function inside(doc: TextDocument, r: Range): boolean {
  const end = doc.positionAt(doc.getText().length);
  return r.start.line <= end.line && r.end.line <= end.line && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

const FILES = samples(ROOT);
const MAX_RENAMES = 12;

test('the samples are found (v1, v2 with blocks, broken)', () => {
  assert.ok(FILES.some((f) => f.includes('/v2/')) && FILES.some((f) => f.includes('/broken/')) && FILES.length > 25, FILES.join('\n'));
});

for (const file of FILES) {
  const rel = file.slice(ROOT.length + 1);
  test(`rename every name in ${rel}: the network stays as it was`, () => {
    const text = readFileSync(file, 'utf8');
    const doc = TextDocument.create(`file://${file}`, 'x', 1, text);
    const a = analyze({ text, fileName: file });
    const before = network(text, file);
    // Each name site once; at most MAX_RENAMES a file, spread over it (each rename re-analyses).
    const sites: number[] = [];
    const seen = new Set<number>();
    for (let offset = 0; offset < text.length; offset++) {
      const hit = symbolAt(a, offset);
      if (!hit || seen.has(hit.site.span.start)) continue;
      seen.add(hit.site.span.start);
      sites.push(offset);
    }
    const step = Math.max(1, Math.ceil(sites.length / MAX_RENAMES));
    let renamed = 0;
    for (let k = 0; k < sites.length; k += step) {
      const offset = sites[k]!;
      const hit = symbolAt(a, offset)!;
      const fresh = hit.target.kind === 'param' ? `p_${renamed}` : hit.target.kind === 'block' ? `b_${renamed}` : `n_${renamed}`;
      const r = rename(a, doc, offset, fresh);
      if ('error' in r) continue;
      renamed++;
      const out = TextDocument.applyEdits(doc, r.ok.changes![doc.uri]!);
      sameNetwork(network(out, file), before, `${rel}: renaming '${hit.name}' at ${offset} to ${fresh}`);
    }
    if (/\/(v2|resnet18|inception|unet-small)/.test(file)) assert.ok(renamed > 0, `${rel} has names to rename`);
  });
}

test('every name request, at every fifth offset of every sample, answers without throwing', () => {
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    const doc = TextDocument.create(`file://${file}`, 'x', 1, text);
    const a = analyze({ text, fileName: file });
    for (let offset = 0; offset <= text.length; offset += 5) {
      const ranges: Range[] = [];
      const d = definition(a, doc, offset);
      if (d) ranges.push(d.range);
      ranges.push(...references(a, doc, offset, true).map((l) => l.range), ...documentHighlights(a, doc, offset).map((h) => h.range));
      const p = prepareRename(a, doc, offset);
      if ('ok' in p) ranges.push(p.ok.range);
      const h = hover(a, doc, offset);
      if (h?.range) ranges.push(h.range);
      for (const r of ranges) assert.ok(inside(doc, r), `${file} at ${offset}: ${JSON.stringify(r)}`);
    }
  }
});
