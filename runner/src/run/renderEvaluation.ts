// An evaluation as text (summary, per-class table, confusion matrix) and as CSV (one row per class:
// its counts, precision, recall and its row of the confusion matrix).
import { alignColumns, t } from '../../../core/src/index';
import type { Evaluation } from './evaluation';

function pct(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(1)}%`;
}

function table(rows: string[][], leftColumns: number): string {
  return alignColumns(rows, (c) => c >= leftColumns).join('\n');
}

export function renderEvaluationText(e: Evaluation, title: string): string {
  const out: string[] = [title, ''];
  out.push(table([[t('evaluate.colImages'), String(e.images)], [t('evaluate.accuracy'), pct(e.accuracy)], [t('evaluate.cliTop5'), pct(e.top5)]], 1));
  out.push('');
  const head = [t('evaluate.colClass'), t('evaluate.colImages'), t('evaluate.colCorrect'), t('evaluate.colPrecision'), t('evaluate.colRecall')];
  out.push(table([head, ...e.classes.map((c) => [c.name, String(c.images), String(c.correct), pct(c.precision), pct(c.recall)])], 1));
  out.push('');
  out.push(t('evaluate.cliConfusion'));
  const cols = [...e.confusion.classes, t('evaluate.other')];
  out.push(table([['', ...cols], ...e.confusion.matrix.map((r, i) => [e.confusion.classes[i]!, ...r.map(String)])], 1));
  if (e.worst.length) {
    out.push('');
    out.push(t('evaluate.cliWorst'));
    out.push(table([[t('evaluate.colImage'), t('evaluate.colTrue'), t('evaluate.colPredictedAs'), t('evaluate.cliTrueScore')], ...e.worst.map((w) => [w.image, w.trueClass, w.predicted, w.trueScore.toPrecision(4)])], 3));
  }
  return out.join('\n') + '\n';
}

/** RFC 4180 quoting, and a leading =, +, - or @ made inert for spreadsheets. */
function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderEvaluationCsv(e: Evaluation): string {
  const header = ['class', 'images', 'correct', 'precision', 'recall', ...e.confusion.classes.map((c) => `predicted ${c}`), 'predicted other']; // l10n-ignore: the CSV header is data
  const rows = e.classes.map((c, i) => [c.name, c.images, c.correct, c.precision, c.recall, ...e.confusion.matrix[i]!]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
