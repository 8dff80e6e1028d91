// The server's request cnnShape/graph: the model graph of the version the client names, with the
// ranges an editor needs (reveal a layer; highlight the node under the cursor).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GRAPH_REQUEST, type GraphResult } from '../../server/src/lsp/customRequests';
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
const graphOf = (uri: string, version?: number) => client.conn.sendRequest<GraphResult | null>(GRAPH_REQUEST, version === undefined ? { uri } : { uri, version });

test('cnnShape/graph: nodes, labelled edges, the red layer and the ranges of each layer', async () => {
  const uri = 'file:///work/tutorial.cnn.yaml';
  await client.open(uri, STRIDE3);
  const r = await graphOf(uri, 1);
  assert.ok(r);
  assert.equal(r.version, 1);
  assert.equal(r.graph.title, 'tutorial');
  assert.deepEqual(r.graph.nodes.map((n) => [n.id, n.type, n.status]), [['input', 'input', 'ok'], ['L0', 'conv', 'error'], ['L1', 'relu', 'ok']]);
  assert.ok(r.graph.nodes[1]!.nonWhole);
  assert.deepEqual(r.graph.edges.map((e) => [e.from, e.to, e.label]), [['input', 'L0', '32×32×3'], ['L0', 'L1', '10×10×8']]);
  assert.deepEqual(r.layerRanges[0], { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } });
  assert.equal(r.itemRanges[1]!.start.line, 3);
  // The fix turns the node back to normal.
  const at = STRIDE3.indexOf('stride: 3') + 'stride: 3'.length - STRIDE3.lastIndexOf('\n', STRIDE3.indexOf('stride: 3')) - 1;
  await client.change(uri, 2, [{ range: { start: { line: 2, character: at }, end: { line: 2, character: at } }, text: ', padding: 1' }]);
  const fixed = await graphOf(uri, 2);
  assert.equal(fixed?.graph.nodes[1]!.status, 'ok');
  assert.equal(fixed.graph.edges[1]!.label, '11×11×8');
});

test('cnnShape/graph: null for a document that is not open; InvalidParams for malformed params', async () => {
  assert.equal(await graphOf('file:///nowhere.cnn.yaml'), null);
  await assert.rejects(client.conn.sendRequest(GRAPH_REQUEST, { uri: 42 }), { code: -32602, message: 'cnnShape/graph: params.uri must be a string' });
});
