// `cnnshape lsp --stdio` is the same server (and stdio is the default without a flag).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, type Launch } from './support/lspClient';

for (const launch of ['cli', 'cli-no-flag'] as Launch[]) {
  test(`cnnshape lsp${launch === 'cli' ? ' --stdio' : ''}: diagnostics and hover, a clean exit`, async () => {
    const client = new LspClient(launch);
    try {
      const init = await client.initialize();
      assert.equal(init.serverInfo?.name, 'cnn-shape');
      const uri = 'file:///work/cli.cnn.yaml';
      await client.open(uri, 'input: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, in_channels: 1}\n');
      const p = await client.atVersion(uri, 1);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['channel-mismatch']);
      const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 12 } });
      assert.match((h!.contents as MarkupContent).value, /`8×8×3 → 6×6×4`/);
      assert.equal(await client.shutdown(), 0);
      assert.equal(client.stderr, '');
    } finally {
      client.kill();
    }
  });
}
