// The hover's comparison that the tutorials use to motivate convolutions: a dense layer on a
// 100×100×3 input with 1,000 neurons needs 3×10⁷ weights, a convolution only its filters'. Shown on
// every conv (its input against 1,000 neurons, as the tutorial counts) and on the first dense layer
// (its own neurons, connected directly to the network input), with the "Explain this layer" link.
import type { Analysis, LayerResult } from '../../../core/src/index';
import { grouped, t } from '../../../core/src/index';
import { clientRuns } from './clientCommands';
import { isExplained } from './explain';
import { shapeLabel } from './shapes';

/** The tutorial's dense layer: 1,000 neurons. */
export const TUTORIAL_NEURONS = 1000;

export const EXPLAIN_COMMAND = 'cnnShape.explainLayer';

/** The comparison line for a conv or the first dense layer, or undefined for any other layer. */
export function denseComparison(analysis: Analysis, r: LayerResult): string | undefined {
  const input = r.inputShapes[0];
  if (!input || !r.output || r.estimated) return undefined;
  const v = r.decl.values;
  if (r.decl.type === 'conv') {
    const values = input.width * input.height * input.depth;
    const kernel = v['kernel'] as [number, number];
    const filters = v['filters'] as number;
    const depth = Math.floor(input.depth / (v['groups'] as number));
    return t('explain.denseVsConv', {
      units: grouped(TUTORIAL_NEURONS), values: grouped(values), input: shapeLabel(input), dense: count(values * TUTORIAL_NEURONS),
      filters, fw: kernel[1], fh: kernel[0], depth, weights: count(filters * depth * kernel[0] * kernel[1]),
    });
  }
  const first = analysis.layers.find((l) => l.decl.type === 'dense');
  const net = analysis.model.input?.value;
  if (r.decl.type !== 'dense' || first !== r || !net) return undefined;
  const units = v['units'] as number;
  const netValues = net.width * net.height * net.depth;
  const features = input.width * input.height * input.depth;
  return t('explain.denseFirst', { input: shapeLabel(net), values: grouped(netValues), units: grouped(units), dense: count(netValues * units), features: grouped(features), weights: count(features * units) });
}

/** A Markdown command link that opens the view on a conv or pool layer whose sizes are known, for a client that has the command. */
export function explainLink(uri: string, r: LayerResult): string | undefined {
  if (!clientRuns(EXPLAIN_COMMAND) || !isExplained(r.decl.type) || !r.decl.usable || !r.output || r.estimated) return undefined;
  const args = encodeURIComponent(JSON.stringify([uri, r.decl.index]));
  return `[${t('explain.hoverLink')}](command:${EXPLAIN_COMMAND}?${args})`;
}

/** "30,000,000 (3×10⁷)": grouped, and in powers of ten from a million up. */
export function count(n: number): string {
  if (n < 1e6) return grouped(n);
  let exp = Math.floor(Math.log10(n));
  let mantissa = Number((n / 10 ** exp).toPrecision(2));
  if (mantissa >= 10) [mantissa, exp] = [mantissa / 10, exp + 1];
  const sup = String(exp).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return `${grouped(n)} (${mantissa === 1 ? '' : `${mantissa}×`}10${sup})`;
}
