// "Export to PyTorch…" in the real editor: the server's code lands beside the model and opens; a model
// with errors is not exported. (Copy as PyTorch shares the request; a headless browser's clipboard
// cannot be read back here.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openSample, revertAndCloseAll } from './helpers';

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('Export to PyTorch', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertAndCloseAll);

  test('Export to PyTorch writes <model>.py beside the model, with the weight keys as modules, and opens it', async () => {
    const { document: doc } = await openSample('v2/resnet18.cnn.yaml');
    const target = vscode.Uri.joinPath(doc.uri, '..', 'resnet18.py');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    await vscode.commands.executeCommand('cnnShape.exportPytorch', doc.uri);
    const opened = await until('the exported file in an editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString()));
    const code = opened.document.getText();
    assert.match(code, /^import torch$/m);
    assert.match(code, /class Basic\(nn\.Module\):/, 'one class per block definition');
    assert.match(code, /self\.layer1 = nn\.Sequential\(\s*Basic\(64, 64\),[^\n]*\n\s*Basic\(64, 64\),/, 'repeat as a Sequential of block instances');
    assert.match(code, /# → 56×56×64/, 'shape comments');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(onDisk, code);
  });

  test('a model with errors is not exported: no file is written', async () => {
    const { document: bad } = await openSample('stride3-not-whole.cnn.yaml');
    const target = vscode.Uri.joinPath(bad.uri, '..', 'stride3-not-whole.py');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    await vscode.commands.executeCommand('cnnShape.exportPytorch', bad.uri);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file beside a model with errors');
  });
});
