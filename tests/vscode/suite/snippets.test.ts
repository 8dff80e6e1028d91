// Completion snippets in the editor: choosing `conv` after `type: ` leaves a whole layer (filters
// and kernel filled in by the snippet's tab stops), with no error.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, revertAndCloseAll, waitForDiagnostics } from './helpers';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

suite('Completion snippets', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('accepting conv after `type: co` inserts its required parameters, and the layer checks clean', async () => {
    const content = 'input: 32x32x3\nlayers:\n  - type: co\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'cnn-yaml', content });
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the unknown type co');
    const end = new vscode.Position(2, '  - type: co'.length);
    editor.selection = new vscode.Selection(end, end);
    // The list the editor would show, then the first item accepted as the user would.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
    const conv = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'conv');
    assert.ok(conv, 'conv is offered');
    assert.ok(conv.insertText instanceof vscode.SnippetString, 'conv is a snippet');
    let text = '';
    for (let attempt = 0; attempt < 5 && !text.includes('filters'); attempt++) {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(1500);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await sleep(300);
      text = doc.getText();
    }
    assert.equal(text, 'input: 32x32x3\nlayers:\n  - type: conv\n    filters: 16\n    kernel: 3\n');
    // Out of snippet mode before checking: Escape leaves the tab stops.
    await vscode.commands.executeCommand('leaveSnippet');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after the snippet');
    assert.deepEqual(ds, []);
  });
});
