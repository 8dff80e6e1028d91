// A document over the size limit (8 MB) gets one diagnostic, quickly, and the server keeps serving the
// other documents; a 52 MB change once killed it (a 60 MB file of `- relu` lines ran V8 out of heap).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { MAX_MODEL_BYTES } from '../../core/src/index';
import { LspClient } from './support/lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

const SMALL = 'input: 8x8x3\nlayers:\n  - relu\n';

test('a 52 MB change gives one diagnostic, and another document is still checked and hovered', async () => {
  const big = 'file:///work/big.cnn.yaml';
  await client.open(big, SMALL);
  await client.atVersion(big, 1);
  const huge = `input: 8x8x3\nlayers:\n${'  - relu\n'.repeat(Math.ceil(52e6 / 9))}`;
  const t0 = performance.now();
  await client.change(big, 2, [{ text: huge }]);
  const refused = await client.atVersion(big, 2, 60_000);
  assert.equal(refused.diagnostics.length, 1);
  assert.equal(refused.diagnostics[0]!.code, 'out-of-range');
  assert.match(refused.diagnostics[0]!.message as string, /larger than 8 MB/);
  assert.ok(performance.now() - t0 < 30_000);

  const other = 'file:///work/other.cnn.yaml';
  await client.open(other, 'input: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, stride: 2}\n');
  const d = await client.atVersion(other, 1);
  assert.ok(d.diagnostics.some((x) => x.code === 'non-integer-output'));
  const hover = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line: 2, character: 12 } });
  assert.ok(hover);

  // Back under the limit: checked again as usual.
  await client.change(big, 3, [{ text: SMALL }]);
  assert.deepEqual((await client.atVersion(big, 3)).diagnostics, []);
});

test('the limit is in UTF-8 bytes: a text just under it is checked, one byte over is not', async () => {
  const uri = 'file:///work/edge.cnn.yaml';
  const head = 'input: 8x8x3\nlayers:\n  - relu\n# ';
  // Each 'é' is one UTF-16 unit and two UTF-8 bytes.
  const fill = (bytes: number) => head + 'é'.repeat(Math.floor((bytes - head.length) / 2)) + 'x'.repeat((bytes - head.length) % 2);
  await client.open(uri, fill(MAX_MODEL_BYTES));
  assert.deepEqual((await client.atVersion(uri, 1, 60_000)).diagnostics, []);
  await client.change(uri, 2, [{ text: fill(MAX_MODEL_BYTES + 1) }]);
  const over = await client.atVersion(uri, 2, 60_000);
  assert.equal(over.diagnostics.length, 1);
  assert.equal(over.diagnostics[0]!.code, 'out-of-range');
});
