// "Show Model Summary" and the status-bar totals, checked through the API the extension returns.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CnnShapeApi } from '../../../client/src/api';
import { analyze } from '../../../core/src/index';
import { grouped, macsLabel, summarize } from '../../../core/src/index';
import { activateExtension, openSample, revertAndCloseAll, waitForEvent } from './helpers';

/** Waits until the webview page itself (its script, under the CSP) reports the document's version. */
function pageShows(api: CnnShapeApi, doc: vscode.TextDocument): Promise<void> {
  const p = api.summaryPanel;
  return waitForEvent(p.onDidShowInPage, () => p.inPage?.version === doc.version, `webview page shows version ${doc.version}`, () => JSON.stringify(p.inPage));
}

suite('Model summary and status bar', () => {
  let api: CnnShapeApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(revertAndCloseAll);

  test('the command opens a webview with the core summary of the active model', async () => {
    const { document: doc } = await openSample('lenet5.cnn.yaml');
    await vscode.commands.executeCommand('cnnShape.showSummary');
    const shown = api.summaryPanel.current;
    assert.ok(shown, 'no summary panel after the command');
    assert.equal(shown.uri.toString(), doc.uri.toString());
    assert.equal(api.summaryPanel.webviewPanel?.visible, true);
    const expected = summarize(analyze({ text: doc.getText(), fileName: doc.fileName }));
    assert.deepEqual(shown.summary, expected);
    assert.equal(shown.summary.totals.params, 61_706, 'LeNet-5 has 61,706 parameters');
    for (const r of expected.rows) assert.ok(shown.body.includes(`<td class="shape">${r.output}`), `row ${r.index} ${r.output}`);
    assert.ok(shown.body.includes(grouped(61_706)));
    await pageShows(api, doc);
    assert.equal(api.summaryPanel.inPage?.rows, expected.rows.length, 'one table row a layer in the page');
    api.summaryPanel.webviewPanel?.dispose();
    assert.equal(api.summaryPanel.current, undefined, 'closing the panel forgets it');
  });

  test('the summary follows edits to the document', async () => {
    const editor = await openSample('stride3-not-whole.cnn.yaml');
    const doc = editor.document;
    await vscode.commands.executeCommand('cnnShape.showSummary', doc.uri);
    // A size that was not whole is marked in the summary (issue 9).
    assert.equal(api.summaryPanel.current?.summary.rows[0]?.output, '⚠ 10×10×8 (10.33 → 10)');
    await pageShows(api, doc);
    assert.equal(api.summaryPanel.current?.summary.errors, 1);
    // The tutorial's fix, typed into the flow mapping: `stride: 3` → `stride: 3, padding: 1`.
    const at = doc.getText().indexOf('stride: 3}');
    assert.ok(at > 0, 'the sample has its stride-3 conv');
    const end = doc.positionAt(at + 'stride: 3'.length);
    assert.ok(await editor.edit((e) => e.insert(end, ', padding: 1')));
    // The page takes the new body by message (no reload) and says so.
    await pageShows(api, doc);
    const s = api.summaryPanel.current.summary;
    assert.equal(api.summaryPanel.current.version, doc.version);
    assert.equal(s.rows[0]?.output, '11×11×8');
    assert.equal(s.errors, 0);
    assert.ok(api.summaryPanel.current.body.includes('11×11×8'));
  });

  test('the status bar shows the active model’s parameters and MACs, and opens the summary', async () => {
    const { document: doc } = await openSample('lenet5.cnn.yaml');
    const totals = analyze({ text: doc.getText(), fileName: doc.fileName }).totals;
    const expected = `${macsLabel(totals.params)} params · ${macsLabel(totals.macs)} MACs`;
    const item = api.statusBar.item;
    await waitForEvent(api.statusBar.onDidUpdate, () => item.text === expected, `status bar "${expected}"`, () => `"${item.text}"`);
    assert.ok(item.text.startsWith('61.71 K params · '), item.text);
    assert.ok(typeof item.command === 'object' && item.command.command === 'cnnShape.showSummary');
    const command = item.command;
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
    assert.equal(api.summaryPanel.current?.uri.toString(), doc.uri.toString());
    await pageShows(api, doc);
    api.summaryPanel.webviewPanel?.dispose();
  });
});
