// Every feature over a real stdio connection, as an editor uses them: the server is a separate
// process started from source; this file is its only client.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type Location,
  type DocumentSymbol,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOP_KEYS } from '../../core/src/index';
import { LspClient } from './support/lspClient';
import { applyEdits, editsFor } from './support/textEdits';

let client: LspClient;

before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  const caps = init.capabilities;
  assert.ok(caps.hoverProvider && caps.inlayHintProvider && caps.codeActionProvider && caps.completionProvider);
  assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.codeLensProvider);
  assert.ok(caps.definitionProvider && caps.referencesProvider && caps.documentHighlightProvider);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  assert.equal(caps.positionEncoding, 'utf-16');
});

after(async () => {
  assert.equal(await client.shutdown(), 0);
});

const TUTORIAL = 'input: 32x32x3\nlayers:\n  - type: conv\n    filters: 8\n    kernel: 4\n    stride: 3\n  - relu\n';

test('diagnostics, hover, inlay hints; a quick fix applied and the error gone', async () => {
  const uri = 'file:///work/tutorial.cnn.yaml';
  await client.open(uri, TUTORIAL);
  const first = await client.atVersion(uri, 1);
  const err = first.diagnostics.find((d) => d.code === 'non-integer-output');
  assert.ok(err, JSON.stringify(first));
  assert.equal(err.source, 'cnn-shape');
  assert.equal(err.severity, 1);
  assert.deepEqual(err.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } });
  assert.match(err.message as string, /\(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33/);

  const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 11 } });
  assert.match((h!.contents as MarkupContent).value, /`32×32×3 → 10×10×8`/);
  assert.match((h!.contents as MarkupContent).value, /10\.33/);

  const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } } });
  assert.deepEqual(hints!.map((x) => [x.label, x.position]), [
    ['→ 10×10×8', { line: 2, character: 14 }],
    ['→ 10×10×8', { line: 6, character: 8 }],
  ]);

  const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } });
  const fix = actions!.find((a) => 'title' in a && a.title.startsWith('Set padding to 1'));
  assert.ok(fix && 'edit' in fix, actions!.map((a) => a.title).join('\n'));
  assert.equal(fix.title, 'Set padding to 1 → 11×11×8');
  const { text, changes } = applyEdits(TUTORIAL, uri, editsFor(fix.edit, uri));
  await client.change(uri, 2, changes);
  const fixed = await client.atVersion(uri, 2);
  assert.deepEqual(fixed.diagnostics, [], `${text}\n${JSON.stringify(fixed.diagnostics)}`);
  const h2 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 11 } });
  assert.match((h2!.contents as MarkupContent).value, /`32×32×3 → 11×11×8`/);
});

test('related information and the unnecessary tag reach the client', async () => {
  const uri = 'file:///work/related.cnn.yaml';
  await client.open(uri, 'input: 28x28x1\nlayers:\n  - {name: features, type: conv, filters: 4, kernel: 3}\n  - {name: spare, type: relu}\n  - {type: dense, units: 10, inputs: features}\n');
  const p = await client.atVersion(uri, 1);
  const mismatch = p.diagnostics.find((d) => d.code === 'shape-mismatch')!;
  assert.deepEqual(mismatch.relatedInformation?.[0]?.location, { uri, range: { start: { line: 2, character: 11 }, end: { line: 2, character: 19 } } });
  const unused = p.diagnostics.find((d) => d.code === 'unused-layer')!;
  assert.deepEqual(unused.tags, [1]);
  const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: mismatch.range, context: { diagnostics: [mismatch], only: ['refactor'] } });
  assert.deepEqual(actions, []);
});

test('completion, symbols, folding and the code lens', async () => {
  const uri = 'file:///work/lenet.cnn.json';
  const text = '{\n  "input": "32x32x1",\n  "layers": [\n    {\n      "name": "c1",\n      "type": "conv", "filters": 6, "kernel": 5\n    },\n    {"type": "relu"},\n    {"name": "flat", "type": "flatten"},\n    {"type": "dense", "units": 10, "inputs": ""}\n  ]\n}\n';
  await client.open(uri, text);
  await client.atVersion(uri, 1);
  const inInputs = TextDocument.create(uri, 'cnn-json', 1, text).positionAt(text.indexOf('""') + 1);
  const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: inInputs })) as CompletionItem[];
  assert.deepEqual(items.map((i) => i.label), ['input', 'flat', 'c1']);
  const flat = items[1]!.textEdit as { range: Range; newText: string };
  const completed = applyEdits(text, uri, [flat]);
  assert.ok(completed.text.includes('"inputs": "flat"}'), completed.text);
  await client.change(uri, 2, completed.changes);
  assert.deepEqual((await client.atVersion(uri, 2)).diagnostics, []);

  const syms = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  const layers = syms.find((s) => s.name === 'layers')!.children!;
  assert.deepEqual(layers.map((s) => `${s.name} ${s.detail}`), ['c1 conv → 28×28×6', 'relu #1 → 28×28×6', 'flat flatten → 1×1×4704', 'dense #3 → 1×1×10']);

  const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  assert.deepEqual(folds!.map((f) => [f.startLine, f.endLine]), [[2, 9], [3, 5]]);

  const lenses = await client.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  assert.equal(lenses!.length, 3);
  assert.deepEqual(lenses![1]!.command, { title: '▶ Run', command: 'cnnShape.runModel', arguments: [uri] });
  assert.deepEqual(lenses![2]!.command, { title: '◇ Graph', command: 'cnnShape.showGraph', arguments: [uri] });
  const params = 6 * 25 + 6 + (28 * 28 * 6 * 10 + 10);
  assert.match(lenses![0]!.command!.title, new RegExp(`^${params.toLocaleString('en-US')} parameters · `));
  assert.equal(lenses![0]!.range.start.line, 2);
});

test('closing clears the diagnostics; files that are not models are left alone', async () => {
  const uri = 'file:///work/closing.cnn.yml';
  await client.open(uri, 'input: 8x8x3\nlayers: [{type: conv, filters: 2}]\n');
  assert.ok((await client.atVersion(uri, 1)).diagnostics.length > 0);
  await client.close(uri);
  await client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);

  const other = 'file:///work/docker-compose.yaml';
  await client.open(other, 'services: {}\n', 'yaml');
  const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line: 0, character: 1 } });
  assert.equal(h, null);
  const marker = 'file:///work/after.cnn.yaml';
  await client.open(marker, 'input: 8x8x3\nlayers: [relu]\n');
  await client.atVersion(marker, 1);
  assert.equal(client.published.filter((p) => p.uri === other).length, 0);
});

test('definition, references, highlights and rename of a layer name (CRLF, Chinese comments, emoji)', async () => {
  const uri = 'file:///work/names.cnn.yaml';
  const text = 'input: 8x8x4  # 输入 🖼️\r\nlayers:\r\n  - {name: 主干, type: conv, filters: 4, kernel: 1}  # 😀 第一层\r\n  - name: 😀side # 注释\r\n    type: relu\r\n  - {type: add, inputs: [😀side, 主干]}  # 🎉\r\n';
  await client.open(uri, text);
  await client.atVersion(uri, 1);
  // Line 5 is `  - {type: add, inputs: [😀side, 主干]}`: the emoji counts two UTF-16 units, so 主干 is at 33.
  const use = { line: 5, character: 34 };
  const useRange = { start: { line: 5, character: 33 }, end: { line: 5, character: 35 } };
  const decl = { start: { line: 2, character: 11 }, end: { line: 2, character: 13 } };
  const def = (await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: use })) as Location;
  assert.deepEqual(def, { uri, range: decl });
  const refs = await client.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: use, context: { includeDeclaration: true } });
  assert.deepEqual(refs!.map((l) => l.range), [decl, useRange]);
  const noDecl = await client.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: use, context: { includeDeclaration: false } });
  assert.deepEqual(noDecl!.map((l) => l.range), [useRange]);
  const hl = await client.conn.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: { line: 3, character: 14 } });
  assert.deepEqual(hl!.map((h) => [h.range, h.kind]), [
    [{ start: { line: 3, character: 10 }, end: { line: 3, character: 16 } }, 3],
    [{ start: { line: 5, character: 25 }, end: { line: 5, character: 31 } }, 2],
  ]);

  const prep = await client.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: use });
  assert.deepEqual(prep, { range: useRange, placeholder: '主干' });
  const edit = await client.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: use, newName: 'trunk 🌳' });
  const { text: renamed, changes } = applyEdits(text, uri, editsFor(edit ?? undefined, uri));
  assert.equal(renamed, text.replace('{name: 主干,', '{name: "trunk 🌳",').replace('side, 主干]', 'side, "trunk 🌳"]'));
  await client.change(uri, 2, changes);
  assert.deepEqual((await client.atVersion(uri, 2)).diagnostics, []);

  await assert.rejects(
    client.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 3, character: 12 }, newName: 'input' }),
    (e: Error & { code?: number }) => e.code === -32803 && /network input's name/.test(e.message),
  );
  await assert.rejects(
    client.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 4, character: 11 } }),
    (e: Error) => /Put the cursor on a name/.test(e.message),
  );
});

test('a file with blocks: completion of a block as a type, its hints over every copy, rename of the block', { skip: 'blocks' in TOP_KEYS ? false : 'the core does not expand blocks yet' }, async () => {
  const uri = 'file:///work/blocks.cnn.yaml';
  const text = 'input: 8x8x4\r\nblocks:\r\n  twice:   # 块 😀\r\n    params: {f: 4}\r\n    layers:\r\n      - {type: conv, filters: $f, kernel: 3, padding: 1}\r\nlayers:\r\n  - {name: a, type: twice, repeat: 2}\r\n  - {type: tw}\r\n';
  await client.open(uri, text);
  await client.atVersion(uri, 1);
  const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 8, character: 13 } })) as CompletionItem[];
  assert.equal(items.find((i) => i.label === 'twice')?.detail, 'block (f=4)');
  const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
  assert.deepEqual(hints!.map((h) => [h.position.line, h.label]), [[5, '→ 8×8×4 (2 uses)'], [7, '→ 8×8×4 (2 copies)']]);
  const edit = await client.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 7, character: 23 }, newName: 'pair' });
  const { text: renamed } = applyEdits(text, uri, editsFor(edit ?? undefined, uri));
  assert.equal(renamed, text.replace('  twice:', '  pair:').replace('type: twice', 'type: pair'));
});
