// The "Explain this layer" code lens over LSP: offered to a client that declares the command, on each conv
// and pool layer, and not at all with `cnnShape.codeLens.explain: false` (a file full of lenses is noise
// to someone who opens the view from the hover or the palette).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeLensRequest, InitializedNotification, InitializeRequest, type CodeLens } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { commands: ['cnnShape.explainLayer'] },
  });
  await client.conn.sendNotification(InitializedNotification.type, {});
});
after(async () => {
  await client.shutdown();
});

const MODEL = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3}\n  - relu\n  - {type: maxpool, kernel: 2}\n';
const explains = (lenses: CodeLens[] | null) => (lenses ?? []).filter((l) => l.command?.command === 'cnnShape.explainLayer');

test('explain lenses on conv and pool for a client with the command; none when the setting is off', async () => {
  client.settings = {};
  await client.open('file:///work/lens-on.cnn.yaml', MODEL);
  await client.diagnostics('file:///work/lens-on.cnn.yaml');
  const on = explains(await client.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: 'file:///work/lens-on.cnn.yaml' } }));
  assert.deepEqual(on.map((l) => l.range.start.line), [2, 4]);
  // Settings are pulled per document: a document opened with the lens turned off gets none.
  client.settings = { codeLens: { explain: false } };
  await client.open('file:///work/lens-off.cnn.yaml', MODEL);
  await client.diagnostics('file:///work/lens-off.cnn.yaml');
  const off = explains(await client.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: 'file:///work/lens-off.cnn.yaml' } }));
  assert.deepEqual(off, []);
});
