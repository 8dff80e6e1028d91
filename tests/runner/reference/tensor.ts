// A plain C×H×W float tensor for the reference implementation (batch 1, NCHW without the N).

export interface T3 {
  c: number;
  h: number;
  w: number;
  data: Float64Array;
}

export function t3(c: number, h: number, w: number, data?: ArrayLike<number>): T3 {
  const t = { c, h, w, data: new Float64Array(c * h * w) };
  if (data) {
    if (data.length !== t.data.length) throw new Error(`t3: ${data.length} values for ${c}×${h}×${w}`);
    t.data.set(data);
  }
  return t;
}

export function at(t: T3, c: number, y: number, x: number): number {
  return t.data[(c * t.h + y) * t.w + x]!;
}

export function set(t: T3, c: number, y: number, x: number, v: number): void {
  t.data[(c * t.h + y) * t.w + x] = v;
}
