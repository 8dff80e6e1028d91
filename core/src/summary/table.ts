// The model summary as people know it from torchinfo and Keras summary(): one row a layer, then
// totals. Pure data + a plain-text renderer; the CLI prints it, the editor shows it in a webview.
import type { Analysis } from '../analysis';
import type { Shape } from '../model/types';
import type { RoundedOutput } from '../layers/spec';
import type { LayerResult } from '../shape/infer';
import { formatNumber } from '../shape/outputSize';

export interface SummaryRow {
  index: number;
  name: string;
  type: string;
  output: string;
  params: number;
  macs: number;
  /** "RF 7×7, jump 4×4" style, or '' where unknown. */
  field: string;
  /** Error count on this layer, for highlighting. */
  errors: number;
}

export interface Summary {
  title: string;
  input: string;
  rows: SummaryRow[];
  /** `estimated`: how many layers' counts are best guesses after an error (0: exact). */
  totals: { params: number; macs: number; activationBytes: number; paramBytes: number; estimated: number };
  errors: number;
  warnings: number;
}

export function shapeLabel(s: Shape | null | undefined): string {
  return s ? `${s.width}×${s.height}×${s.depth}` : '?';
}

/**
 * A layer's output: "8×8×16", "≈8×8×16" where it is a best guess after an error, "?" where unknown;
 * a size that was not whole under `strict` (an error) says so: "⚠ 10×10×8 (10.33 → 10)". Where the
 * file asks for rounding, the size is as intended and only the hover tells (roundedLabel).
 */
export function resultLabel(r: Pick<LayerResult, 'output' | 'estimated'> & { rounded?: RoundedOutput | undefined }): string {
  if (r.output && r.estimated) return `≈${shapeLabel(r.output)}`;
  if (r.output && r.rounded?.rounding === 'strict') return roundedLabel(shapeLabel(r.output), r.rounded);
  return shapeLabel(r.output);
}

/** A shape with the note of its rounding, as resultLabel gives it. */
export function roundedLabel(shape: string, r: RoundedOutput): string {
  return r.rounding === 'strict' ? `⚠ ${shape} (${roundingNote(r)})` : `${shape} (${roundingNote(r)}, ${r.rounding})`;
}

/** "10.33 → 10" (both axes alike), else per axis: "width 10.5 → 10, height 10.33 → 10". */
export function roundingNote(r: RoundedOutput): string {
  const axis = (i: 0 | 1) => `${formatNumber(r.exact[i])} → ${r.size[i]}`;
  if (r.exact[0] === r.exact[1]) return axis(0);
  const parts: string[] = [];
  if (!Number.isInteger(r.exact[1])) parts.push(`width ${axis(1)}`);
  if (!Number.isInteger(r.exact[0])) parts.push(`height ${axis(0)}`);
  return parts.join(', ');
}

export function summarize(a: Analysis, title = a.model.name?.value ?? 'model'): Summary {
  const errorsByLayer = new Map<number, number>();
  let errors = 0;
  let warnings = 0;
  for (const d of a.diagnostics) {
    if (d.severity === 'error') {
      errors++;
      if (d.layerIndex !== undefined) errorsByLayer.set(d.layerIndex, (errorsByLayer.get(d.layerIndex) ?? 0) + 1);
    } else if (d.severity === 'warning') warnings++;
  }
  const rows = a.layers.map((l) => ({
    index: l.decl.index,
    // Unnamed layers are known by their index, already in the # column; a block's layers by their full name.
    name: l.decl.block ? l.decl.id : l.decl.name?.value ?? '',
    type: l.decl.type || '?',
    output: resultLabel(l),
    params: l.params,
    macs: l.macs,
    field: l.field ? `${sq(l.field.size)} / ${sq(l.field.jump)}` : '',
    errors: errorsByLayer.get(l.decl.index) ?? 0,
  }));
  return {
    title,
    input: shapeLabel(a.model.input?.value),
    rows,
    totals: { ...a.totals, paramBytes: a.totals.params * 4 },
    errors,
    warnings,
  };
}

function sq(p: [number, number]): string {
  const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  return p[0] === p[1] ? `${f(p[1])}` : `${f(p[1])}×${f(p[0])}`;
}

/** 1234567 → "1,234,567". */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Bytes → "1.23 MB" (decimal units, as torchinfo prints). */
export function bytes(n: number): string {
  if (n < 1e3) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(2)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(2)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

/** MACs with a unit: "442.37 K", "1.82 G". */
export function macsLabel(n: number): string {
  if (n < 1e3) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(2)} K`;
  if (n < 1e9) return `${(n / 1e6).toFixed(2)} M`;
  return `${(n / 1e9).toFixed(2)} G`;
}

export function renderSummaryText(s: Summary): string {
  const head = ['#', 'Layer', 'Type', 'Output W×H×D', 'Params', 'MACs', 'RF / jump'];
  const body = s.rows.map((r) => [String(r.index), r.name, r.type, r.output + (r.errors ? ' !' : ''), grouped(r.params), grouped(r.macs), r.field]);
  const all = [head, ['', 'input', '', s.input, '', '', ''], ...body];
  const widths = head.map((_, c) => Math.max(...all.map((row) => [...row[c]!].length)));
  const right = new Set([0, 4, 5]);
  const line = (row: string[]) =>
    row.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [s.title, rule, line(head), rule, ...all.slice(1).map(line), rule];
  const about = s.totals.estimated ? '≈' : '';
  out.push(`Total params: ${about}${grouped(s.totals.params)} (${bytes(s.totals.paramBytes)} as float32)`);
  out.push(`Total MACs: ${about}${grouped(s.totals.macs)} (${macsLabel(s.totals.macs)})`);
  out.push(`Activation memory (forward, float32): ${about}${bytes(s.totals.activationBytes)}`);
  if (s.totals.estimated) out.push(`≈: ${s.totals.estimated} layer${s.totals.estimated === 1 ? '' : 's'} after an error have estimated shapes, counted in the totals`);
  if (s.errors || s.warnings) out.push(`${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (run \`cnnshape check\` for details); '!' marks layers with errors`);
  return out.join('\n') + '\n';
}
