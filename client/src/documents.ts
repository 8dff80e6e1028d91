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
