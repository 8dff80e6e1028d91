// Splits a YAML model file into its header and one chunk per item of the top-level `layers:` block
// sequence, by a line scan. Each chunk parses on its own, so an edit reparses only the chunk it
// touches (see documentParser.ts), and a syntax error in one layer does not hide the others.
// Anything the scan is not sure about (anchors, tags, tabs, several documents, a flow `layers`)
// returns null, and the whole file is parsed at once instead.

export interface Chunks {
  /** Start of the first item line; the header is text[0, itemsStart). */
  itemsStart: number;
  /** [start, end) of each item, from the start of its `- ` line to the start of the next item. */
  items: Array<[number, number]>;
  /** Start of what follows the sequence (a top-level key at column 0), or text.length. */
  suffixStart: number;
}

// Lines that open with `:` or `?` (empty or complex keys) place nodes by rules that depend on context.
const UNSAFE = /[&*!\t]|<<|^(?:---|\.\.\.|%)|^ *[?:](?:[ \r]|$)/m;
const LAYERS_KEY = /^layers[ ]*:[ ]*(?:#.*)?\r?$/gm;

export function chunkLayers(text: string): Chunks | null {
  if (UNSAFE.test(text)) return null;
  LAYERS_KEY.lastIndex = 0;
  const m = LAYERS_KEY.exec(text);
  if (!m || LAYERS_KEY.exec(text)) return null; // no block `layers:` key, or a duplicate one
  let pos = lineEnd(text, m.index);
  if (pos >= text.length) return null;
  pos++; // past '\n'

  // Skip blank and comment lines up to the first item.
  let itemIndent = -1;
  let itemsStart = -1;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const ind = indentOf(text, pos, end);
    if (ind < end - pos && text.charCodeAt(pos + ind) !== 35 /* # */ && !isBlankRest(text, pos + ind, end)) {
      if (!isItemStart(text, pos + ind, end)) return null;
      itemIndent = ind;
      itemsStart = pos;
      break;
    }
    pos = end + 1;
  }
  if (itemsStart < 0) return null;

  const items: Array<[number, number]> = [];
  let current = itemsStart;
  pos = lineEnd(text, itemsStart) + 1;
  let suffixStart = text.length;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const ind = indentOf(text, pos, end);
    const blank = ind === end - pos || isBlankRest(text, pos + ind, end) || text.charCodeAt(pos + ind) === 35;
    if (!blank) {
      if (ind === itemIndent && isItemStart(text, pos + ind, end)) {
        items.push([current, pos]);
        current = pos;
      } else if (ind <= itemIndent) {
        if (ind !== 0) return null; // something odd between the items and the next top-level key
        suffixStart = pos;
        break;
      }
    }
    pos = end + 1;
  }
  items.push([current, Math.min(suffixStart, text.length)]);
  return { itemsStart, items, suffixStart };
}

function lineEnd(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
}

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i - start;
}

function isBlankRest(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 13) return false;
  }
  return true;
}

function isItemStart(text: string, at: number, end: number): boolean {
  if (text.charCodeAt(at) !== 45 /* - */) return false;
  if (at + 1 >= end) return true;
  const next = text.charCodeAt(at + 1);
  return next === 32 || next === 13;
}
