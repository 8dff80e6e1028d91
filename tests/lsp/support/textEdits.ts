// Applying a server's WorkspaceEdit the way an editor does: to the client's copy of the text, then
// telling the server with an incremental didChange (last edit first, so every range still holds).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const edits = edit?.changes?.[uri] ?? [];
  if (edits.length === 0) throw new Error(`the workspace edit has no changes for ${uri}`);
  return edits;
}

export function applyEdits(text: string, uri: string, edits: TextEdit[]): { text: string; changes: TextDocumentContentChangeEvent[] } {
  const doc = TextDocument.create(uri, 'x', 0, text);
  const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  return { text: TextDocument.applyEdits(doc, edits), changes: ordered.map((e) => ({ range: e.range, text: e.newText })) };
}
