// lrn: local response normalisation across neighbouring channels (AlexNet, GoogLeNet).
import { t } from '../i18n/t';
import { defineLayer } from './spec';

export const lrn = defineLayer({
  type: 'lrn',
  summary: 'Local response normalisation across `size` neighbouring channels',
  doc:
    "Local response normalisation, as PyTorch's `nn.LocalResponseNorm(size, alpha, beta, k)`: each value is divided by " +
    '(k + alpha/size · Σ x²)^beta, the sum over `size` neighbouring channels (size/2 before, (size − 1)/2 after, rounded down, ' +
    'zeros past the ends). Shape unchanged; no parameters.',
  rule: 'unchanged',
  aliases: ['LocalResponseNorm', 'LRN', 'local_response_norm'],
  arity: 'one',
  featureMaps: false,
  params: {
    size: { kind: 'int', min: 1, required: true, doc: 'How many neighbouring channels are summed.', aliases: ['depth_radius'] },
    alpha: { kind: 'number', default: 1e-4, doc: 'Multiplier of the mean of squares. Default 1e-4.' },
    beta: { kind: 'number', default: 0.75, doc: 'Exponent. Default 0.75.' },
    k: { kind: 'number', default: 1, doc: 'Additive constant. Default 1.', aliases: ['bias'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const { size, alpha, beta, k } = ctx.p;
    return { output: { ...input }, params: 0, macs: 0, arithmetic: () => [t('layerArithmetic.lrnFormula', { k, alpha, size, beta })] };
  },
});
