// Pure helpers of the run page's enlarged view (no DOM: node tests check them): one channel of a map as
// rows of numbers, and how a number is written in a cell (integers as integers, as the tutorial prints
// the X-or-O grids of 1 and −1; others with two decimals).

export interface Grid {
  width: number;
  height: number;
  channels: number;
  /** channels·height·width values, channel by channel, row by row. */
  data: ArrayLike<number>;
}

export function gridOf(g: Grid, channel: number): { rows: number[][]; lo: number; hi: number; integers: boolean } {
  const rows: number[][] = [];
  let lo = Infinity;
  let hi = -Infinity;
  let integers = true;
  const base = channel * g.width * g.height;
  for (let y = 0; y < g.height; y++) {
    const row: number[] = [];
    for (let x = 0; x < g.width; x++) {
      const v = g.data[base + y * g.width + x] ?? NaN;
      row.push(v);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (!Number.isInteger(v)) integers = false;
    }
    rows.push(row);
  }
  return { rows, lo, hi, integers };
}

export function cellText(v: number, integers: boolean): string {
  if (!Number.isFinite(v)) return String(v);
  if (integers) return String(v === 0 ? 0 : v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e5 || abs < 5e-3)) return v.toExponential(1);
  return v.toFixed(2);
}

/** `{name}` placeholders of a template from the extension filled with values. */
export function fill(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
}
