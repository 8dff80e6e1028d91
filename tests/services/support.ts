// Test texts mark the cursor with `|` (as yaml-language-server's tests do); the marker is removed
// before analysis.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { analyze, type Analysis } from '../../core/src/index';

export interface Cursor {
  analysis: Analysis;
  doc: TextDocument;
  offset: number;
  text: string;
}

export function cursor(src: string, file = 'm.cnn.yaml'): Cursor {
  const offset = src.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  return { ...open(text, file), offset };
}

export function open(text: string, file = 'm.cnn.yaml'): { analysis: Analysis; doc: TextDocument; text: string } {
  const uri = `file:///tmp/${file}`;
  return { analysis: analyze({ text, fileName: file }), doc: TextDocument.create(uri, file.endsWith('.json') ? 'cnn-json' : 'cnn-yaml', 1, text), text };
}

/** The text after applying a workspace edit's changes to `doc`. */
export function applyWorkspaceEdit(doc: TextDocument, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[doc.uri] ?? [];
  assert.ok(edits.length > 0, 'the edit changes the document');
  return TextDocument.applyEdits(doc, edits);
}

/** The LSP position of `needle` (its n-th occurrence) in `text`, counted independently of the server: UTF-16 units after the last line break. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `'${needle}' is in the text`);
  const lines = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
