// Offsets (UTF-16, from the core) become LSP positions only here, through TextDocument, so CRLF,
// Chinese text and emoji are counted the way the client counts them.
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../../../core/src/index';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** A span without the whitespace and line breaks a block node keeps at its end. */
export function trimmedEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Space, tab, CR, LF: what a block node may keep at its end (called per layer: no regex). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just before the line break (CRLF or LF) of the line holding `offset`, or the text's end. */
export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The line break of the line holding `offset` (a CRLF file gets CRLF), for inserted lines. */
export function lineBreakAt(text: string, offset: number): string {
  const end = lineEndAt(text, offset);
  if (text[end] === '\r') return '\r\n';
  if (text[end] === '\n') return '\n';
  return text.includes('\r\n') ? '\r\n' : '\n';
}
