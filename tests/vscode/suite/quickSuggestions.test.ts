// Completion pops up while typing, with no Ctrl+Space (issue 9 item 2): in YAML block style a key name is
// a plain scalar, tokenised as a string, where VS Code turns quick suggestions off unless the language's
// `editor.quickSuggestions` has `strings: on` (package.json configurationDefaults). The test types letter
// by letter with the `type` command (the path a key press takes), never triggers suggest itself, then
// accepts the selected suggestion: text is inserted only if the suggest widget is shown with our item.
// The control test turns `strings` off and finds nothing inserted, so the check can fail.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, revertAndCloseAll, waitForDiagnostics } from './helpers';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

const CONV = 'input: 32x32x3\nlayers:\n  - type: conv\n    ';

/** Opens `content` as an untitled cnn-yaml file with the cursor at its end, focused. */
async function openAtEnd(content: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument({ language: 'cnn-yaml', content });
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.positionAt(content.length);
  editor.selection = new vscode.Selection(end, end);
  // Typing starts once the language server has the document: a layer without its required parameters
  // has diagnostics (the empty file gets a moment instead).
  if (content.includes('type: conv')) await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics of the conv layer');
  await sleep(500);
  return { doc, editor };
}

/**
 * Types `word` a key at a time, then waits for quick suggestions and accepts whatever is selected.
 * Returns what the completion provider offers there (first labels), for the failure message.
 */
async function typeThenAccept(doc: vscode.TextDocument, word: string): Promise<string> {
  for (const ch of word) {
    await vscode.commands.executeCommand('type', { text: ch });
    await sleep(150);
  }
  await sleep(2000);
  const at = doc.positionAt(doc.getText().length);
  const typed = doc.getText();
  await vscode.commands.executeCommand('acceptSelectedSuggestion');
  await sleep(300);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
  const labels = list.items.slice(0, 5).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  return `typed ${JSON.stringify(typed)}; offered there: ${labels.join(', ')}`;
}

async function withStringSuggestions(strings: 'on' | 'off', body: () => Promise<void>): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('editor', { languageId: 'cnn-yaml' });
  const before = cfg.inspect('quickSuggestions')?.globalLanguageValue;
  await cfg.update('quickSuggestions', { other: 'on', comments: 'off', strings }, vscode.ConfigurationTarget.Global, true);
  try {
    await body();
  } finally {
    await cfg.update('quickSuggestions', before, vscode.ConfigurationTarget.Global, true);
  }
}

suite('Quick suggestions while typing', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('the contributed default turns quick suggestions on in strings for cnn-yaml', () => {
    const q = vscode.workspace.getConfiguration('editor', { languageId: 'cnn-yaml' }).get<Record<string, string>>('quickSuggestions');
    assert.equal(q?.strings, 'on');
  });

  test('typing `fil` on a block-style conv layer offers `filters` without Ctrl+Space', async () => {
    const { doc } = await openAtEnd(CONV);
    const seen = await typeThenAccept(doc, 'fil');
    assert.equal(doc.lineAt(3).text, '    filters: ', seen);
  });

  test('control: with quick suggestions off in strings, the same typing inserts nothing', async () => {
    await withStringSuggestions('off', async () => {
      const { doc } = await openAtEnd(CONV);
      const seen = await typeThenAccept(doc, 'fil');
      assert.equal(doc.lineAt(3).text, '    fil', seen);
    });
  });

  test('typing `ker` under `- type: conv` in a list of layers offers `kernel`', async () => {
    const { doc } = await openAtEnd('input: 32x32x3\nlayers:\n  - type: conv\n    filters: 8\n    ');
    const seen = await typeThenAccept(doc, 'ker');
    assert.equal(doc.lineAt(4).text, '    kernel: ', seen);
  });

  // Once a letter is typed the file is no longer empty: the server judges the text around the word
  // being typed (server/src/services/completion.ts), else the starter would never pop up while typing.
  test('typing `new` in an empty file offers the starter model without Ctrl+Space', async () => {
    const { doc } = await openAtEnd('');
    await typeThenAccept(doc, 'new');
    const text = doc.getText();
    assert.match(text, /^# A small CNN/);
    assert.ok(text.includes('layers:') && text.includes('- flatten'), text);
  });
});
