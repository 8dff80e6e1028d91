// The editor in Chinese (issue 12), run by scripts/test-all.mjs as
//   node scripts/run-editor-tests.mjs --tests-src tests/vscode/zh --settings '{"cnnShape.language":"zh-cn"}'
// VS Code's display language cannot be switched here: code-server resolves `--locale zh-cn` only with the
// Chinese language pack installed, which comes from the Marketplace (offline here). So the setting chooses
// Chinese: the language server reads it (as it reads initialize's locale, tested over stdio in
// tests/i18n), the client's words come from the catalogue, and the arithmetic is the same as in English.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, hoverText, openSample, revertAndCloseAll, waitForDiagnostics } from '../suite/helpers';

const CJK = /[\u4e00-\u9fff]/;
const SAMPLE = 'tutorial/05-32x32-f4-s3-not-whole.cnn.yaml';

suite('Chinese display language', () => {
  teardown(revertAndCloseAll);

  test('the setting chooses Chinese', () => {
    assert.equal(vscode.workspace.getConfiguration('cnnShape').get('language'), 'zh-cn');
  });

  test('the 32×32, F = 4, S = 3 error reads in Chinese with the same arithmetic', async () => {
    await activateExtension();
    const editor = await openSample(SAMPLE);
    const diags = await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => codeOf(d) === 'non-integer-output'), 'the non-whole error');
    const d = diags.find((x) => codeOf(x) === 'non-integer-output')!;
    assert.match(d.message, CJK, d.message);
    assert.ok(d.message.includes('(32 − 4 + 2·0)/3 + 1 = 10.33'), d.message);
    assert.match(d.message, /步幅|输出尺寸|整数/, d.message);
  });

  test('hover, quick-fix titles and completion details are Chinese', async () => {
    await activateExtension();
    const editor = await openSample(SAMPLE);
    const doc = editor.document;
    // The server has the document once its diagnostics are in.
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'a diagnostic');
    const at = doc.positionAt(doc.getText().lastIndexOf('stride: 3') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hoverText(hovers);
    assert.match(text, CJK, text);
    assert.ok(text.includes('步幅'), text);
    const range = diags[0]!.range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
    assert.ok(actions.length > 0, 'no quick fixes');
    for (const a of actions) assert.match(a.title, CJK, a.title);
    // Keys of the conv layer, completed where `filters` starts: each with its kind and doc.
    const keyAt = doc.positionAt(doc.getText().lastIndexOf('filters: 8'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, keyAt);
    const detailed = list.items.filter((i) => typeof i.detail === 'string' && i.detail.length > 0);
    assert.ok(detailed.length > 0, 'no completion details');
    assert.ok(detailed.some((i) => CJK.test(i.detail!)), detailed.map((i) => i.detail).join(' | '));
  });

  test('the summary page speaks Chinese', async () => {
    const api = await activateExtension();
    const editor = await openSample(SAMPLE);
    await vscode.commands.executeCommand('cnnShape.showSummary', editor.document.uri);
    const snap = api.summaryPanel.current;
    assert.ok(snap, 'the summary did not render');
    assert.ok(snap.body.includes('输出 W×H×D'), snap.body.slice(0, 400));
    assert.match(api.summaryPanel.webviewPanel?.title ?? '', /摘要/);
  });
});
