// Which documents are model files, for the language client and the in-process features.
import * as vscode from 'vscode';
import type { SourceKind } from '../../core/src/index';

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

/** The language decides the parser: an untitled buffer has no file extension to go by. */
export function sourceKindOf(doc: vscode.TextDocument): SourceKind {
  return doc.languageId === 'cnn-json' ? 'json' : 'yaml';
}

export function activeCnnEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isCnnDocument(editor.document) ? editor : undefined;
}
