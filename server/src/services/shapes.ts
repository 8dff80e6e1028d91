// How shapes, counts and receptive fields read in hovers, hints, symbols and lenses.
import type { Pair, Shape } from '../../../core/src/index';
import type { LayerResult } from '../../../core/src/index';
import { formatNumber } from '../../../core/src/index';
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

