// "Show Model Graph": the page draws one node per layer, a click on a node selects its layer in the
// editor, and an edit that introduces an error turns that node red (the page's own reports).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CnnShapeApi } from '../../../client/src/api';
import { analyze } from '../../../core/src/index';
import { activateExtension, openSample, revertAndCloseAll, waitForEvent } from './helpers';

function pageShows(api: CnnShapeApi, doc: vscode.TextDocument): Promise<void> {
  const p = api.graphPanel;
  return waitForEvent(p.onDidShowInPage, () => p.inPage?.version === doc.version, `graph page draws version ${doc.version}`, () => JSON.stringify(p.inPage));
}

function selectionChanges(editor: vscode.TextEditor, accept: () => boolean, what: string): Promise<void> {
  return waitForEvent(vscode.window.onDidChangeTextEditorSelection, accept, what, () => JSON.stringify(editor.selection));
}

suite('Model graph', () => {
  let api: CnnShapeApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(revertAndCloseAll);

  test('one node per layer; clicking a node selects its layer; an error turns its node red', async () => {
    const editor = await openSample('resnet18.cnn.yaml');
    const doc = editor.document;
    const drawn = pageShows(api, doc);
    await vscode.commands.executeCommand('cnnShape.showGraph');
    await drawn;
    const layers = analyze({ text: doc.getText(), fileName: doc.fileName }).layers;
    assert.equal(api.graphPanel.inPage?.layerNodes, layers.length, 'one node a layer in the page');
    assert.deepEqual(api.graphPanel.inPage?.red, []);

    // Click layer 5's node in the page: the editor selects that layer's type.
    const target = layers[5]!.decl;
    const line = doc.positionAt(target.typeSpan.start).line;
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(0, 0, 0, 0) });
    const selected = selectionChanges(editor, () => vscode.window.activeTextEditor?.selection.start.line === line, `selection on line ${line}`);
    api.graphPanel.clickInPage(5);
    await selected;
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), target.type);

    // Break the first conv (a dilation whose kernel is larger than the input): its node turns red, without reopening the view.
    const conv = layers.find((l) => l.decl.type === 'conv')!.decl;
    const active = vscode.window.activeTextEditor;
    const at = doc.positionAt(conv.span.end - 1);
    const redrawn = waitForEvent(api.graphPanel.onDidShowInPage, () => (api.graphPanel.inPage?.red.includes(conv.index) ?? false), 'the conv drawn red', () => JSON.stringify(api.graphPanel.inPage));
    assert.ok(await active.edit((e) => e.insert(at, ', dilation: 100')), 'edit applied');
    await redrawn;
    assert.equal(api.graphPanel.inPage?.version, doc.version);
  });
});
