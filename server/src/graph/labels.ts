// The text drawn in each box and its size. Text is set in a monospaced font at a fixed size, so the
// layout can measure it by counting columns (string-width: a Chinese character or an emoji takes two),
// the same in Node (CLI) and in the webview.
import stringWidth from 'string-width';
import { t } from '../../../core/src/index';
import type { VisibleItem } from './visible';

export const FONT_SIZE = 12;
/** Advance of one character of a monospaced font at FONT_SIZE (0.6 em, as DejaVu/Liberation Mono, Menlo, Consolas). */
export const CHAR_WIDTH = 7.2;
export const LINE_HEIGHT = 16;
export const PAD_X = 10;
export const PAD_Y = 7;
const MIN_WIDTH = 96;
const MAX_CHARS = 48;
/** An edge label's box: shapes are short, e.g. `56×56×64`. */
export const EDGE_LABEL_HEIGHT = 14;
/**
 * Widths grow in steps of so many characters, so that the common edit (a number a digit longer, a
 * renamed layer) keeps every box's size: the layout's structure is then unchanged and the live view
 * reuses the previous layout (layoutCache.ts) instead of running ELK again.
 */
export const BOX_STEP_CHARS = 4;
export const LABEL_STEP_CHARS = 3;

const stepUp = (chars: number, step: number) => Math.ceil(chars / step) * step;

export interface BoxText {
  /** The first line's first part is drawn bold (the layer type). */
  head: string;
  title: string;
  lines: string[];
}

export function clip(s: string, max = MAX_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function boxText(item: VisibleItem): BoxText {
  if (item.kind === 'block') {
    const g = item.group;
    const n = item.layers.length;
    return {
      head: g.definition,
      title: clip(g.name),
      lines: [g.copies > 1 ? t('graph.blockCopiesLayers', { copies: g.copies, n }) : t('graph.blockLayers', { n }), clip(`${item.inputs.join(' + ') || '?'} → ${item.output}`, 60)],
    };
  }
  const n = item.node;
  if (n.layer < 0) return { head: t('graph.nodeInput'), title: '', lines: [n.output] };
  const lines: string[] = [];
  if (n.mismatch) lines.push(clip(n.mismatch.join(' ≠ '), 60));
  else if (n.detail) lines.push(n.detail);
  if (n.isOutput) lines.push(t('graph.nodeOutput', { shape: n.output }));
  else if (n.nonWhole) lines.push(`→ ${n.output}`);
  return { head: n.type, title: clip(n.name === String(n.layer) ? `#${n.layer}` : n.name), lines };
}

export function boxSize(text: BoxText): { width: number; height: number } {
  const first = stringWidth(text.head) + (text.title ? 1 + stringWidth(text.title) : 0);
  const chars = stepUp(Math.max(first, ...text.lines.map((l) => stringWidth(l))), BOX_STEP_CHARS);
  return { width: Math.max(MIN_WIDTH, Math.ceil(chars * CHAR_WIDTH) + 2 * PAD_X), height: (1 + text.lines.length) * LINE_HEIGHT + 2 * PAD_Y - 4 };
}

export function labelWidth(text: string): number {
  return Math.ceil(stepUp(stringWidth(text), LABEL_STEP_CHARS) * CHAR_WIDTH * 0.92) + 6;
}
