// How shapes, counts and receptive fields read in hovers, hints, symbols and lenses.
import type { Pair, RoundedOutput, Shape } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';
import { formatNumber, t } from '../../../core/src/index';
import { resultLabel, shapeLabel } from '../../../core/src/index';

export { resultLabel, shapeLabel };

/** Input shapes of a layer: "32×32×3", or "16×16×8 + 16×16×8" for add and concat. */
export function inputsLabel(r: LayerResult, networkInput: Shape | undefined): string {
  if (r.inputShapes.length === 0) return shapeLabel(networkInput);
  return r.inputShapes.map(shapeLabel).join(' + ');
}

/** [height, width] as width×height; "3" when both are the same and `collapse` is set. */
export function pairLabel(p: Pair, collapse: boolean): string {
  if (collapse && p[0] === p[1]) return formatNumber(p[0]);
  return `${formatNumber(p[1])}×${formatNumber(p[0])}`;
}


/** At most this many different shapes are listed in full; more read as a range. */
const LISTED = 3;

/**
 * The output shapes of a layer written once and run several times (inside a block): "56×56×64" for
 * one run, "56×56×64 (4 uses)" when every run agrees, "56×56×64, 28×28×128" for a few different
 * shapes, "56×56×64 … 7×7×512 (8 uses)" for more.
 */
export function outputsLabel(results: ReadonlyArray<{ output: Shape | null; estimated: boolean; rounded?: RoundedOutput | undefined }>): string {
  if (results.length === 0) return '?';
  const labels = results.map((r) => resultLabel(r));
  const distinct = [...new Set(labels)];
  const withRuns = (label: string) => (results.length > 1 ? t('lenses.uses', { label, count: results.length }) : label);
  if (distinct.length === 1) return withRuns(distinct[0]!);
  if (distinct.length <= LISTED) return distinct.join(', ');
  return withRuns(`${labels[0]!} … ${labels[labels.length - 1]!}`);
}

/** A block use at the top level: its output (the last copy's), and how many copies make it. */
export function copiesLabel(runs: ReadonlyArray<{ output: Shape | null; estimated: boolean }>): string {
  const last = runs[runs.length - 1];
  const label = last ? resultLabel(last) : '?';
  return runs.length > 1 ? t('lenses.copies', { label, count: runs.length }) : label;
}
