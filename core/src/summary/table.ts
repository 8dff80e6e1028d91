// The model summary as people know it from torchinfo and Keras summary(): one row a layer, then
// totals. Pure data + a plain-text renderer; the CLI prints it, the editor shows it in a webview.
import type { Analysis } from '../analysis';
import { t } from '../i18n/t';
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
  if (r.exact[0] === r.exact[1]) return `${formatNumber(r.exact[0])} → ${r.size[0]}`;
  const axis = (i: 0 | 1) => t('summary.roundingAxis', { axis: t(i === 0 ? 'layerChecks.axisHeight' : 'layerChecks.axisWidth'), exact: formatNumber(r.exact[i]), size: r.size[i] });
  const parts: string[] = [];
  if (!Number.isInteger(r.exact[1])) parts.push(axis(1));
  if (!Number.isInteger(r.exact[0])) parts.push(axis(0));
  return parts.join(', ');
}

export function summarize(a: Analysis, title = a.model.name?.value ?? t('summary.defaultTitle')): Summary {
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

/**
 * Columns a terminal draws two cells wide (CJK ideographs, kana, Hangul, fullwidth forms): Chinese
 * headings must line up with the numbers under them.
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How many terminal columns a string takes. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

function pad(cell: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(width - displayWidth(cell), 0));
  return right ? fill + cell : cell + fill;
}

/**
 * Rows of cells as lines of aligned columns, two spaces apart, measured in terminal columns (a Chinese
 * character takes two), so translated headers line up.
 */
export function alignColumns(rows: string[][], rightAligned: (column: number) => boolean): string[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c]!, rightAligned(c))).join('  ').trimEnd());
}

export function renderSummaryText(s: Summary): string {
  const head = ['#', t('summary.colLayer'), t('summary.colType'), t('summary.colOutput'), t('summary.colParams'), t('summary.colMacs'), t('summary.colField')];
  const body = s.rows.map((r) => [String(r.index), r.name, r.type, r.output + (r.errors ? ' !' : ''), grouped(r.params), grouped(r.macs), r.field]);
  const all = [head, ['', t('summary.inputRow'), '', s.input, '', '', ''], ...body];
  const widths = head.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c]!))));
  const right = new Set([0, 4, 5]);
  const line = (row: string[]) => row.map((cell, c) => pad(cell, widths[c]!, right.has(c))).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [s.title, rule, line(head), rule, ...all.slice(1).map(line), rule];
  const about = s.totals.estimated ? '≈' : '';
  out.push(t('summary.totalParams', { about, params: grouped(s.totals.params), bytes: bytes(s.totals.paramBytes) }));
  out.push(t('summary.totalMacs', { about, macs: grouped(s.totals.macs), short: macsLabel(s.totals.macs) }));
  out.push(t('summary.activationMemory', { about, bytes: bytes(s.totals.activationBytes) }));
  const n = s.totals.estimated;
  if (n) out.push(t(n === 1 ? 'summary.estimatedOne' : 'summary.estimatedMany', { count: n }));
  if (s.errors || s.warnings) {
    const errors = t(s.errors === 1 ? 'summary.errorsOne' : 'summary.errorsMany', { count: s.errors });
    const warnings = t(s.warnings === 1 ? 'summary.warningsOne' : 'summary.warningsMany', { count: s.warnings });
    out.push(t('summary.problems', { errors, warnings }));
  }
  return out.join('\n') + '\n';
}
