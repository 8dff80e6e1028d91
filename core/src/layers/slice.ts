// slice: the channels [from, to) of the input (a torch.chunk or split branch: ShuffleNet, YOLO's C2f).
import { t } from '../i18n/t';
import { MAX_SIZE } from '../model/values';
import { defineLayer } from './spec';

export const slice = defineLayer({
  type: 'slice',
  summary: 'The channels [from, to) of the input',
  doc:
    'Slice: keeps the channels `from` (default 0) up to but not including `to` (default: the depth), as `x[:, from:to]` in PyTorch; ' +
    'a negative value counts from the end, as in Python. A `torch.chunk(x, 2, dim=1)` is two slices, `to: C/2` and `from: C/2`. ' +
    'Unlike Python, a slice that is empty or reaches past the depth is an error. Output W × H × (to − from).',
  rule: 'W × H × (to − from), channels [from, to); negative values count from the end',
  aliases: ['split', 'chunk', 'narrow', 'channel_split'],
  arity: 'one',
  featureMaps: false,
  params: {
    from: { kind: 'int', min: -MAX_SIZE, default: 0, doc: 'The first channel kept (from 0). Default 0. Negative counts from the end.', aliases: ['start', 'begin'] },
    to: { kind: 'int', min: -MAX_SIZE, doc: 'The channel after the last one kept. Default: the depth. Negative counts from the end.', aliases: ['end', 'stop'] },
  },
  shape(ctx) {
    const input = ctx.inputs[0]!;
    const d = input.depth;
    const { from, to } = ctx.p;
    const f = from < 0 ? d + from : from;
    const end = to === undefined ? d : to < 0 ? d + to : to;
    const shown = (v: number, n: number) => (v < 0 ? `${v} (= ${n})` : String(v));
    let ok = true;
    if (f < 0 || f >= d) {
      ok = false;
      ctx.report('out-of-range', 'error', t('layerChecks.sliceFrom', { from: shown(from, f), depth: d, input: ctx.inputLabel(0), last: d - 1 }), ctx.spanOf('from'), {
        related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: d })),
      });
    }
    if (to !== undefined && (end < 0 || end > d)) {
      ok = false;
      ctx.report('out-of-range', 'error', t('layerChecks.sliceTo', { to: shown(to, end), depth: d, input: ctx.inputLabel(0) }), ctx.spanOf('to'), {
        related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: d })),
        ...(end > d ? { fix: { kind: 'set-value' as const, span: ctx.spanOf('to'), value: String(d) } } : {}),
      });
    }
    if (ok && end <= f) {
      ok = false;
      ctx.report('empty-output', 'error', t('layerChecks.sliceEmpty', { from: f, to: end, depth: d }), ctx.spanOf(ctx.has('to') ? 'to' : 'from'), {
        related: ctx.producedBy(0, t('layerChecks.depthMadeHere', { depth: d })),
      });
    }
    // After an error, Python's clamped slice (or the whole depth where that is empty) keeps checking going.
    const clamp = (v: number) => Math.min(Math.max(v, 0), d);
    const depth = ok ? end - f : clamp(end) - clamp(f) > 0 ? clamp(end) - clamp(f) : d;
    return {
      output: { width: input.width, height: input.height, depth },
      params: 0,
      macs: 0,
      estimated: !ok,
      arithmetic: () => [t('layerArithmetic.sliceDepth', { from: f, to: end, depth: d, size: end - f })],
    };
  },
});
