// The server's request cnnShape/exportPytorch: the exporter's code for the open document's version,
// or why there is none; the client writes it (docs/editors.md).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyze } from '../../core/src/index';
import { exportPytorch } from '../../export/src/pytorch/generate';
import { EXPORT_PYTORCH_REQUEST, type ExportPytorchResult } from '../../server/src/lsp/customRequests';
import { LspClient } from './support/lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

const ask = (uri: string, version?: number) =>
  client.conn.sendRequest<ExportPytorchResult | null>(EXPORT_PYTORCH_REQUEST, version === undefined ? { uri } : { uri, version });

test('cnnShape/exportPytorch: the exported code of the document, and a Python module name for it', async () => {
  const text = 'name: Tiny\ninput: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, padding: 1}\n  - relu\n';
  const uri = 'file:///work/my%20tiny-net.cnn.yaml';
  await client.open(uri, text);
  const r = await ask(uri, 1);
  assert.ok(r?.code);
  assert.equal(r.fileName, 'my_tiny_net.py');
  assert.equal(r.code, exportPytorch(analyze({ text, fileName: 'x.cnn.yaml' }), { fileName: 'my tiny-net.cnn.yaml' }));
  assert.match(r.code, /class Tiny\(nn\.Sequential\)/);
});

test('cnnShape/exportPytorch: a model with errors gives the errors, no code', async () => {
  const uri = 'file:///work/bad.cnn.yaml';
  await client.open(uri, 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n');
  const r = await ask(uri, 1);
  assert.equal(r?.code, undefined);
  assert.match(r!.error!, /10\.33/);
  assert.equal(await ask('file:///work/not-open.cnn.yaml'), null);
  await assert.rejects(client.conn.sendRequest(EXPORT_PYTORCH_REQUEST, { nope: 1 }), { code: -32602, message: 'cnnShape/exportPytorch: params.uri must be a string' });
});
