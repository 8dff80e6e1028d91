// Edits are computed on offsets, like everything else before the LSP edge.
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toRange } from '../ranges';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function toTextEdit(doc: TextDocument, e: OffsetEdit): TextEdit {
  return { range: toRange(doc, e), newText: e.newText };
}
