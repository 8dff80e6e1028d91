// Which documents are model files, for the language client, the commands and the views.
import * as vscode from 'vscode';

export const LANGUAGE_IDS = ['cnn-yaml', 'cnn-json'] as const;
export type CnnLanguageId = (typeof LANGUAGE_IDS)[number];

/** Saved files and new untitled buffers; not git diffs or other virtual documents. */
// Typed narrowly so that it is both a vscode.DocumentSelector and an LSP one.
export const DOCUMENT_SELECTOR: Array<{ language: CnnLanguageId; scheme: 'file' | 'untitled' }> = LANGUAGE_IDS.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

export function isCnnDocument(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, doc) > 0;
}

export function activeCnnEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isCnnDocument(editor.document) ? editor : undefined;
}

/** Selects `range` in the file, in the editor already showing it (else the first group), scrolled into view. */
export async function selectInEditor(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
