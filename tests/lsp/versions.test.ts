// Quick edits: the last publication is for the last version, versions only go up, and what is
// published for a version is that version's result (never a stale one).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { InlayHintRequest } from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lspClient';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

function model(channels: number, layers: number): string {
  const lines = ['input: 16x16x3', 'layers:'];
  for (let i = 0; i < layers; i++) lines.push(`  - {type: conv, filters: 3, kernel: 3, padding: 1, in_channels: ${i === layers - 1 ? channels : 3}}`);
  return lines.join('\n') + '\n';
}

test('sixty quick edits: in order, the last one published, each result for its own version', async () => {
  const uri = 'file:///work/quick.cnn.yaml';
  const n = 400;
  let text = model(100, n);
  await client.open(uri, text);
  await client.atVersion(uri, 1);
  const valueAt = text.lastIndexOf('100');
  const line = text.slice(0, valueAt).split('\n').length - 1;
  const character = valueAt - text.lastIndexOf('\n', valueAt) - 1;
  const sends: Array<Promise<void>> = [];
  let width = 3;
  for (let v = 2; v <= 61; v++) {
    const next = String(100 + v);
    sends.push(client.change(uri, v, [{ range: { start: { line, character }, end: { line, character: character + width } }, text: next }]));
    width = next.length;
    text = text.slice(0, valueAt) + next + text.slice(text.indexOf('}', valueAt));
  }
  await Promise.all(sends);
  const last = await client.atVersion(uri, 61);
  const mine = client.published.filter((p) => p.uri === uri);
  assert.equal(mine[mine.length - 1], last);
  const versions = mine.map((p) => p.version!);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  assert.equal(new Set(versions).size, versions.length, `a version published twice: ${versions.join(',')}`);
  for (const p of mine) {
    const d = p.diagnostics.find((x) => x.code === 'channel-mismatch');
    assert.ok(d, `version ${p.version}`);
    const written = p.version === 1 ? 100 : 100 + p.version!;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.match(message, new RegExp(`in_channels is ${written} `), `version ${p.version}: ${message}`);
  }
  // Edits that arrive together are checked together: far fewer publications than edits.
  assert.ok(mine.length < 61, `${mine.length} publications for 61 versions`);
});

test('settings: rounding.default and inlay hints, pulled per document and after a change', async () => {
  const uri = 'file:///work/settings.cnn.yaml';
  const text = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n';
  await client.open(uri, text);
  const strict = await client.atVersion(uri, 1);
  assert.equal(strict.diagnostics.find((d) => d.code === 'non-integer-output')?.severity, 1);
  assert.ok(client.configAsked.includes(uri));
  const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  assert.equal((await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }))!.length, 1);

  const before = client.published.length;
  await client.changeSettings({ rounding: { default: 'floor' }, inlayHints: { enabled: false } });
  const floor = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= before);
  assert.equal(floor.version, 1);
  assert.equal(floor.diagnostics.find((d) => d.code === 'non-integer-output')?.severity, 3);
  assert.deepEqual(await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }), []);
  assert.ok(client.hintRefreshes > 0);

  // A file's own `rounding:` wins over the setting.
  await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'rounding: strict\n' }]);
  assert.equal((await client.atVersion(uri, 2)).diagnostics.find((d) => d.code === 'non-integer-output')?.severity, 1);
  await client.changeSettings({});
});

test('a client without workspace/configuration: settings pushed with didChangeConfiguration', async () => {
  const plain = new LspClient();
  try {
    await plain.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } });
    const uri = 'file:///work/pushed.cnn.yaml';
    await plain.open(uri, 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n');
    assert.equal((await plain.atVersion(uri, 1)).diagnostics[0]?.severity, 1);
    const before = plain.published.length;
    await plain.changeSettings({ rounding: { default: 'ceil' } });
    const ceil = await plain.diagnostics(uri, (p) => plain.published.indexOf(p) >= before);
    assert.equal(ceil.diagnostics[0]?.severity, 3);
    assert.deepEqual(plain.configAsked, []);
    assert.equal(await plain.shutdown(), 0);
  } finally {
    plain.kill();
  }
});
