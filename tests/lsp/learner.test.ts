// Issue 9 over a real stdio connection: layer types complete as snippets with their required
// parameters, `cnov` gets a "did you mean" fix, a non-whole size reads differently in hints, and
// AlexNet at 224 is offered the 227 input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CodeActionRequest, CompletionRequest, InlayHintRequest, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  assert.equal(await client.shutdown(), 0);
});

const items = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : r?.items ?? []);

test('layer types complete as snippets with their required parameters as tab stops', async () => {
  const uri = 'file:///work/snip.cnn.yaml';
  await client.open(uri, 'input: 32x32x3\nlayers:\n  - {type: co}\n');
  await client.atVersion(uri, 1);
  const list = items(await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 13 } }));
  const conv = list.find((i) => i.label === 'conv')!;
  assert.equal(conv.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal((conv.textEdit as { newText: string }).newText, 'conv, filters: ${1:16}, kernel: ${2:3}$0');
  assert.equal(list.find((i) => i.label === 'relu')!.insertTextFormat, undefined);
});

test('`cnov` gets "did you mean conv" with a replace fix', async () => {
  const uri = 'file:///work/cnov.cnn.yaml';
  await client.open(uri, 'input: 32x32x3\nlayers:\n  - cnov\n');
  const p = await client.atVersion(uri, 1);
  const d = p.diagnostics.find((x) => x.code === 'unknown-layer-type')!;
  assert.match(d.message as string, /Did you mean 'conv'\?/);
  const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  assert.deepEqual(actions!.map((a) => a.title), ["Change to 'conv'"]);
});

test('AlexNet at 224: the 227 input is offered; the non-whole hint differs from a whole one', async () => {
  const uri = 'file:///work/alexnet-224.cnn.json';
  await client.open(uri, readFileSync('samples/alexnet-224.cnn.json', 'utf8'));
  const p = await client.atVersion(uri, 1);
  const first = p.diagnostics.find((x) => x.code === 'non-integer-output' && x.range.start.line === 4)!;
  const actions = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
  assert.ok(actions!.some((a) => a.title === 'Set the input to 227x227x3 → 55×55×96'), actions!.map((a) => a.title).join('\n'));
  const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } } });
  assert.equal(hints![0]!.label, '→ ⚠ 54×54×96 (54.25 → 54)');
  assert.equal(hints![1]!.label, '→ 54×54×96');
});
