// dense: a fully connected layer (PyTorch Linear, Keras Dense) on a flat 1 × 1 × N input.
import { t } from '../i18n/t';
import { shapeText } from './checks';
import { defineLayer } from './spec';

export const dense = defineLayer({
  type: 'dense',
  summary: 'Fully connected layer: 1 × 1 × units',
  doc: 'Dense (fully connected): every output unit is a weighted sum of all N input values. Needs a flat 1 × 1 × N input (put `flatten` or a global pool before it). Parameters: N·units + units.',
  rule: '1 × 1 × units; the input must be 1 × 1 × N (flatten or a global pool first)',
  aliases: ['Linear', 'Dense', 'fc', 'fully_connected', 'linear'],
  arity: 'one',
  featureMaps: false,
  params: {
    units: { kind: 'int', min: 1, required: true, doc: 'Number of outputs: the output is 1 × 1 × units.', aliases: ['out_features'] },
    in_features: { kind: 'int', min: 1, doc: 'Optional: the input size N you expect. Checked against what arrives.' },
    bias: { kind: 'bool', default: true, doc: 'Whether each unit adds a learned bias.', aliases: ['use_bias'] },
  },
  weights: {
    layout: { weight: '[units, W·H·D]', bias: '[units] (when bias)' },
    shapes: (p, input) => ({ weight: [p.units, input.width * input.height * input.depth], ...(p.bias ? { bias: [p.units] } : {}) }),
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { units, bias, in_features } = ctx.p;
    if (input.width !== 1 || input.height !== 1) {
      const n = input.width * input.height * input.depth;
      const line = ctx.layer.span;
      ctx.report('shape-mismatch', 'error',
        t('layerChecks.denseNotFlat', { input: ctx.inputLabel(0), shape: `${input.width} × ${input.height} × ${input.depth}`, n }),
        ctx.layer.typeSpan,
        { related: ctx.producedBy(0, t('layerChecks.mapMadeHere', { shape: shapeText(input) })), fix: { kind: 'insert-flatten', at: line.start, indent: '' } });
      return { output: { width: 1, height: 1, depth: units }, params: n * units + (bias ? units : 0), macs: n * units };
    }
    const n = input.depth;
    if (in_features !== undefined && in_features !== n) {
      ctx.report('channel-mismatch', 'error', t('layerChecks.inFeaturesMismatch', { expected: in_features, input: ctx.inputLabel(0), n }),
        ctx.spanOf('in_features'),
        { related: ctx.producedBy(0, t('layerChecks.valuesMadeHere', { n })), fix: { kind: 'set-value', span: ctx.spanOf('in_features'), value: String(n) } });
    }
    return {
      output: { width: 1, height: 1, depth: units },
      params: n * units + (bias ? units : 0),
      macs: n * units,
      field: { global: true },
      arithmetic: () => [t('layerArithmetic.denseUnits', { units }), t('layerArithmetic.parameters', { text: `${n}·${units} + ${bias ? units : 0}` })],
    };
  },
});
