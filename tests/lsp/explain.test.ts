// The server's request cnnShape/explain over LSP: the layer at a position or by index, the version the
// client names, and InvalidParams (-32602) for params that do not fit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EXPLAIN_REQUEST, type ExplainResult } from '../../server/src/lsp/customRequests';
import { LspClient } from './support/lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

const STRIDE3 = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n  - relu\n';
const URI = 'file:///work/explain.cnn.yaml';

test('cnnShape/explain: the conv under the cursor, its overhang and its fixes; by index after an edit', async () => {
  await client.open(URI, STRIDE3);
  const r = await client.conn.sendRequest<ExplainResult | null>(EXPLAIN_REQUEST, { uri: URI, version: 1, position: { line: 2, character: 30 } });
  assert.ok(r?.layer);
  assert.equal(r.layerIndex, 0);
  assert.deepEqual(r.layerRange, { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } });
  assert.deepEqual(r.layer.axes.width.overhang, { start: 30, beyond: 2 });
  assert.equal(r.fixes[0]?.title, 'Set padding to 1 → 11×11×8');
  assert.deepEqual(r.fixes[0]?.after?.output, { width: 11, height: 11, depth: 8 });
  // The edit the fix carries, sent as the client would apply it, gives version 2: explained as whole.
  const edit = r.fixes[0].edit.changes?.[URI] ?? [];
  assert.ok(edit.length > 0);
  await client.change(URI, 2, edit.map((e) => ({ range: e.range, text: e.newText })));
  const fixed = await client.conn.sendRequest<ExplainResult | null>(EXPLAIN_REQUEST, { uri: URI, version: 2, layerIndex: 0 });
  assert.equal(fixed?.version, 2);
  assert.equal(fixed.layer?.axes.width.whole, true);
  assert.deepEqual(fixed.fixes, []);
  // relu: no numbers, a reason.
  const relu = await client.conn.sendRequest<ExplainResult | null>(EXPLAIN_REQUEST, { uri: URI, layerIndex: 1 });
  assert.equal(relu?.layer, null);
  assert.match(relu.reason ?? '', /relu/);
});

test('cnnShape/explain: InvalidParams for bad params, null for a document that is not open', async () => {
  const bad = [{ uri: 42, layerIndex: 0 }, { uri: URI }, { uri: URI, layerIndex: -1 }, { uri: URI, layerIndex: 1.5 }, { uri: URI, position: { line: -1, character: 0 } }, { uri: URI, version: 'x', layerIndex: 0 }, [1, 2]];
  for (const params of bad) {
    await assert.rejects(client.conn.sendRequest(EXPLAIN_REQUEST, params), (e: { code?: number; message?: string }) => {
      assert.equal(e.code, -32602, JSON.stringify(params));
      assert.ok(e.message?.startsWith(`${EXPLAIN_REQUEST}: `), e.message);
      return true;
    });
  }
  assert.equal(await client.conn.sendRequest(EXPLAIN_REQUEST, { uri: 'file:///nowhere.cnn.yaml', layerIndex: 0 }), null);
});
