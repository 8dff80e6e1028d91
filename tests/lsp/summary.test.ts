// The server's own request cnnShape/summary and notification cnnShape/analysesChanged (docs/editors.md):
// the core's summary for the version the client names (waiting for edits still on their way), with
// the rounding setting, layer ranges and the first error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyze, summarize } from '../../core/src/index';
import { ANALYSES_CHANGED_NOTIFICATION, SUMMARY_REQUEST, type SummaryResult } from '../../server/src/lsp/customRequests';
import { LspClient } from './support/lspClient';

let client: LspClient;
let changedNotes = 0;
let onChanged: (() => void) | undefined;
before(async () => {
  client = new LspClient();
  client.conn.onNotification(ANALYSES_CHANGED_NOTIFICATION, () => {
    changedNotes++;
    onChanged?.();
  });
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

const STRIDE3 = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n  - relu\n';
const summaryOf = (uri: string, version?: number) =>
  client.conn.sendRequest<SummaryResult | null>(SUMMARY_REQUEST, version === undefined ? { uri } : { uri, version });

test('cnnShape/summary: the core summary, layer ranges and the first error of the document', async () => {
  const uri = 'file:///work/tutorial%20net.cnn.yaml';
  await client.open(uri, STRIDE3);
  const r = await summaryOf(uri, 1);
  assert.ok(r);
  assert.equal(r.version, 1);
  assert.equal(r.defaultRounding, 'strict');
  assert.deepEqual(r.summary, summarize(analyze({ text: STRIDE3, fileName: 'x.cnn.yaml' }), 'tutorial net'));
  assert.equal(r.summary.errors, 1);
  assert.deepEqual(r.layerRanges, [
    { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } },
    { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } },
  ]);
  assert.match(r.firstError!.message, /10\.33/);
  assert.equal(r.firstError!.range.start.line, 2);
});

test('cnnShape/summary waits for the version the client names, even when the edit comes after the request', async () => {
  const uri = 'file:///work/later.cnn.yaml';
  await client.open(uri, STRIDE3);
  const asked = summaryOf(uri, 2);
  // The tutorial's fix, sent only after the request: `stride: 3` → `stride: 3, padding: 1`.
  const at = STRIDE3.indexOf('stride: 3') + 'stride: 3'.length;
  await client.change(uri, 2, [{ range: { start: { line: 2, character: at - STRIDE3.lastIndexOf('\n', at) - 1 }, end: { line: 2, character: at - STRIDE3.lastIndexOf('\n', at) - 1 } }, text: ', padding: 1' }]);
  const r = await asked;
  assert.equal(r?.version, 2);
  assert.equal(r.summary.errors, 0);
  assert.equal(r.summary.rows[0]!.output, '11×11×8');
  assert.equal(r.firstError, null);
});

test('cnnShape/summary: null for documents that are not open models; InvalidParams for malformed params', async () => {
  assert.equal(await summaryOf('file:///work/not-open.cnn.yaml'), null);
  await assert.rejects(client.conn.sendRequest(SUMMARY_REQUEST, { uri: 3 }), { code: -32602, message: 'cnnShape/summary: params.uri must be a string' });
  await assert.rejects(client.conn.sendRequest(SUMMARY_REQUEST, { uri: 'file:///a.cnn.yaml', version: 1.5 }), { code: -32602 });
});

test('a settings change is announced with cnnShape/analysesChanged, after which the summary uses it', async () => {
  const uri = 'file:///work/settings-summary.cnn.yaml';
  await client.open(uri, STRIDE3);
  assert.equal((await summaryOf(uri, 1))?.summary.errors, 1);
  const before = changedNotes;
  const announced = new Promise<void>((resolve) => (onChanged = resolve));
  await client.changeSettings({ rounding: { default: 'floor' } });
  await announced;
  assert.equal(changedNotes, before + 1);
  const r = await summaryOf(uri, 1);
  assert.equal(r?.defaultRounding, 'floor');
  assert.equal(r.summary.errors, 0);
  await client.changeSettings({});
});
