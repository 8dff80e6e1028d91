// The explain page's axes (pure, no DOM: node tests check it). An axis of up to MAX_CELLS cells is drawn
// whole; a longer one as its two ends and a squeezed middle. The cells drawn are listed by `indices`,
// never found by walking the whole axis: an input 2^40 pixels wide or padded by 200,000,000 (hostile
// campaign, issue 13) must not drive a loop in the page.

/** Up to this many padded cells along an axis are drawn whole; beyond, the ends and a squeezed middle. */
export const MAX_CELLS = 40;
export const EDGE_CELLS = 14;
export const GAP_CELLS = 3;

export interface Scale {
  length: number;
  cell: number;
  cropped: boolean;
  pos(i: number): number;
  /** Whether cell i is drawn on its own (not inside the squeezed middle). */
  shown(i: number): boolean;
  /** The cells drawn on their own, in order: at most MAX_CELLS of them. */
  indices(): number[];
}

export function scale(length: number, cell: number): Scale {
  const cropped = length > MAX_CELLS;
  const a = EDGE_CELLS;
  const b = length - EDGE_CELLS;
  return {
    length,
    cell,
    cropped,
    pos: (i) => {
      if (!cropped || i <= a) return i * cell;
      if (i >= b) return (a + GAP_CELLS + (i - b)) * cell;
      return (a + ((i - a) / (b - a)) * GAP_CELLS) * cell;
    },
    shown: (i) => !cropped || i < a || i >= b,
    indices: () => {
      const whole = Number.isFinite(length) ? Math.max(Math.floor(length), 0) : 0;
      if (!cropped) return Array.from({ length: whole }, (_, i) => i);
      return [...Array.from({ length: a }, (_, i) => i), ...Array.from({ length: a }, (_, i) => b + i)];
    },
  };
}

/** Cells drawn along an axis of `length` (what the cell size is fitted to). */
export const drawnCells = (length: number) => (length > MAX_CELLS ? 2 * EDGE_CELLS + GAP_CELLS : length);
