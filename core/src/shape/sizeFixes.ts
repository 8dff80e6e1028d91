// More ways out of an output size that is not whole, beside the padding and stride the window rule
// offers: another network input size (AlexNet's 224 → 227), another kernel size, or rounding that
// one layer down. Computed when an editor asks for fixes, not on every keystroke: each candidate
// re-runs the shape inference on a copy of the model, and only candidates that leave no size error
// anywhere are offered. The number of tries is a constant, and large models are not searched.
import type { CoreDiagnostic } from '../diagnostics/diagnostic';
import type { LayerDecl, Model, Pair, ParamValue, Shape } from '../model/types';
import { LAYERS } from '../layers/registry';
import { inferShapes, type LayerResult } from './infer';
import { shapeLabel } from '../summary/table';
import { t } from '../i18n/t';

export type SizeFix =
  | { kind: 'input'; title: string; value: string }
  | { kind: 'set-key'; title: string; layerIndex: number; key: string; value: string };

/** Input sizes tried on each side of the current one. */
const INPUT_REACH = 32;
/** Kernel sizes tried on each side of the current one. */
const KERNEL_REACH = 2;
/** Models with more layers are not searched: each try is a full shape inference. */
const MAX_LAYERS = 2000;

/** Fixes for the non-whole size of `layers[index]`, each titled with the size it gives that layer. */
export function sizeFixes(model: Model, layers: readonly LayerResult[], index: number): SizeFix[] {
  const r = layers[index];
  if (!r?.rounded || r.rounded.rounding !== 'strict' || model.layers.length > MAX_LAYERS) return [];
  const fixes: SizeFix[] = [];
  const depth = r.output ? `×${r.output.depth}` : '';
  fixes.push(...inputFixes(model, index));
  fixes.push(...kernelFixes(model, r.decl, index));
  const [h, w] = r.rounded.size;
  fixes.push({ kind: 'set-key', title: t('shape.fixRoundDown', { size: `${w}×${h}${depth}` }), layerIndex: index, key: 'rounding', value: 'floor' });
  return fixes;
}

/** Whether the model, changed, has no size error and no more errors than before; the output of layer `index` if so. */
function tryModel(model: Model, index: number, errorsBefore: number): Shape | null {
  const out = inferShapes(model);
  const errors = out.diagnostics.filter((d) => d.severity === 'error');
  if (errors.some(sizeError) || errors.length >= errorsBefore) return null;
  return out.layers[index]?.output ?? null;
}

const sizeError = (d: CoreDiagnostic) => d.code === 'non-integer-output' || d.code === 'empty-output';

function errorCount(model: Model): number {
  return inferShapes(model).diagnostics.filter((d) => d.severity === 'error').length;
}

/** The nearest network input sizes, larger and smaller, that make every size whole (same change on both axes). */
function inputFixes(model: Model, index: number): SizeFix[] {
  const input = model.input?.value;
  if (!input) return [];
  const before = errorCount(model);
  const out: SizeFix[] = [];
  for (const sign of [1, -1]) {
    for (let d = 1; d <= INPUT_REACH; d++) {
      const s: Shape = { width: input.width + sign * d, height: input.height + sign * d, depth: input.depth };
      if (s.width < 1 || s.height < 1) break;
      const result = tryModel({ ...model, input: { ...model.input!, value: s } }, index, before);
      if (result) {
        const value = `${s.width}x${s.height}x${s.depth}`;
        out.push({ kind: 'input', title: t('shape.fixInput', { value, size: shapeLabel(result) }), value });
        break;
      }
    }
  }
  return out;
}

/** Square kernels near the current one that make every size whole. */
function kernelFixes(model: Model, decl: LayerDecl, index: number): SizeFix[] {
  const kernel = decl.values.kernel as Pair | undefined;
  if (!kernel || kernel[0] !== kernel[1] || !decl.params.has('kernel')) return [];
  const before = errorCount(model);
  const out: SizeFix[] = [];
  const tries = [];
  for (let d = 1; d <= KERNEL_REACH; d++) tries.push(kernel[0] - d, kernel[0] + d);
  for (const k of tries) {
    if (k < 1) continue;
    const values: Record<string, ParamValue> = { ...decl.values, kernel: [k, k] };
    // A pool whose stride follows its kernel keeps doing so.
    if (!decl.params.has('stride') && LAYERS.get(decl.type)?.params.stride?.defaultFrom === 'kernel') values.stride = [k, k];
    const layers = model.layers.map((l, i) => (i === index ? { ...l, values } : l));
    const result = tryModel({ ...model, layers }, index, before);
    if (result) out.push({ kind: 'set-key', title: t('shape.fixKernel', { value: k, size: shapeLabel(result) }), layerIndex: index, key: 'kernel', value: String(k) });
    if (out.length === 2) break;
  }
  return out;
}
