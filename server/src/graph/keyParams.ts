// A layer's key parameters in a few characters, as drawn in its node: `3×3 /2, 64` for a conv with a
// 3×3 kernel, stride 2 and 64 filters. Parameters that only repeat a default are left out.
import { formatNumber, type LayerDecl, type ParamValue } from '../../../core/src/index';

/** Parameters that say how much the layer makes (drawn as a bare number). */
const COUNTS = ['filters', 'units', 'out_channels', 'channels_out'];
/** Parameters not worth a node's room: they follow from the input or change nothing of the shape. */
const SKIP = new Set(['in_channels', 'in_features', 'channels', 'bias', 'eps', 'momentum', 'affine']);
const MAX_CHARS = 40;

export function keyParams(decl: LayerDecl): string {
  const v = decl.values;
  const parts: string[] = [];
  const window: string[] = [];
  if (isPair(v['kernel'])) window.push(pair(v['kernel']));
  if (isPair(v['stride']) && !ones(v['stride'])) window.push(`/${pair(v['stride'], true)}`);
  if (isPair(v['dilation']) && !ones(v['dilation'])) window.push(`dil ${pair(v['dilation'], true)}`);
  if (window.length) parts.push(window.join(' '));
  for (const k of COUNTS) if (typeof v[k] === 'number') parts.push(formatNumber(v[k]));
  if (typeof v['groups'] === 'number' && v['groups'] !== 1) parts.push(`groups ${formatNumber(v['groups'])}`);
  // Anything else written in the file (rate, slope, scale, mode...), as key=value.
  for (const [k, p] of decl.params) {
    if (SKIP.has(k) || COUNTS.includes(k) || ['kernel', 'stride', 'dilation', 'groups', 'padding'].includes(k)) continue;
    const text = scalar(p.value);
    if (text !== undefined) parts.push(`${k} ${text}`);
  }
  const pad = v['padding'];
  if (typeof pad === 'string' && pad === 'same') parts.push('same');
  const text = parts.join(', ');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

function isPair(v: ParamValue | undefined): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

function ones(p: [number, number]): boolean {
  return p[0] === 1 && p[1] === 1;
}

/** [height, width] as `w×h`; one number where both are the same and `collapse` is set. */
function pair(p: [number, number], collapse = false): string {
  if (p[0] === p[1]) return collapse ? formatNumber(p[0]) : `${formatNumber(p[1])}×${formatNumber(p[0])}`;
  return `${formatNumber(p[1])}×${formatNumber(p[0])}`;
}

function scalar(v: ParamValue): string | undefined {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (isPair(v)) return pair(v, true);
  return undefined;
}
