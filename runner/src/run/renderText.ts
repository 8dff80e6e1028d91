// The human-readable form of a run: per layer, the checker's shape beside the shape that ran and the
// time; per image, the top-5.
import { alignColumns, t, type Shape } from '../../../core/src/index';
import type { ImageOutput, RunResult } from './result';

function shape(s: Shape | null): string {
  return s ? `${s.width}×${s.height}×${s.depth}` : '?';
}

function table(rows: string[][], rightAligned: Set<number>): string {
  return alignColumns(rows, (c) => rightAligned.has(c)).join('\n');
}

/** The model line, the untrained notice and the layer table (shapes that ran, times if profiled). */
export function renderRunSummary(result: RunResult, modelLabel: string): string {
  const out: string[] = [];
  out.push(t('run.meta', { file: modelLabel, engine: t(result.engine === 'native' ? 'run.engineNative' : 'run.engineWasm') }));
  if (result.untrained) {
    out.push(t('run.textUntrained', { seed: result.untrained.seed, layers: result.untrained.layers.join(', ') }));
  }
  out.push('');
  const rows = [['#', t('run.colLayer'), t('run.colType'), t('run.colPredicted'), t('run.colRan'), t('run.colMs'), '']];
  for (const l of result.layers) {
    const differs = l.predicted && shape(l.predicted) !== shape(l.output);
    rows.push([String(l.index), l.name, l.type, shape(l.predicted), shape(l.output), l.ms === null ? '–' : l.ms.toFixed(3), differs ? t('run.textDiffers') : '']);
  }
  out.push(table(rows, new Set([0, 5])));
  const total = result.layers.reduce((a, l) => a + (l.ms ?? 0), 0);
  if (result.layers.some((l) => l.ms !== null)) out.push(t('run.textMsNote', { total: total.toFixed(3) }));
  else out.push(t('run.textMsHint'));
  return out.join('\n') + '\n';
}

/** One image's block: its name, its share of the forward pass's time, the top-5. */
export function renderImageText(o: ImageOutput): string {
  const out: string[] = [];
  out.push(`${o.image}${o.ms !== undefined ? `  (${o.ms.toFixed(2)} ms)` : ''}`);
  const topRows = o.top.map((s, i) => [`${i + 1}.`, s.label ?? `#${s.index}`, s.label !== undefined ? `#${s.index}` : '', formatScore(s.score)]);
  out.push(table(topRows, new Set([3])).replace(/^/gm, '  '));
  return out.join('\n') + '\n';
}

export function renderRunText(result: RunResult, modelLabel: string): string {
  return [renderRunSummary(result, modelLabel), ...result.outputs.map(renderImageText)].join('\n');
}

function formatScore(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4);
}
