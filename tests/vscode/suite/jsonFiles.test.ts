// JSON model files in the editor: one hover (ours, not the schema's text under it) and one item per
// completion (no "conv" and conv twice).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openSample, revertAndCloseAll, waitForDiagnostics } from './helpers';

suite('JSON model files', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('a hover on a layer type is ours alone; completion items are not doubled', async () => {
    const { document: doc } = await openSample('vgg16.cnn.json');
    assert.equal(doc.languageId, 'cnn-json');
    await waitForDiagnostics(doc.uri, () => true, 'the first check');
    const at = doc.positionAt(doc.getText().indexOf('"conv"') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    assert.equal(hovers.length, 1, texts.join('\n----\n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
    assert.deepEqual(twice, [], labels.join(', '));
  });
});
