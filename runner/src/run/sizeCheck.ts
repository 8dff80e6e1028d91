// Refuses, before anything is allocated, a model too large to run here: a tensor beyond what one
// typed array can hold, or weights and activations (every layer's output is kept for the first image)
// beyond the free memory. Without this, a huge `filters` or input ends in a RangeError or an OOM kill.
import { freemem } from 'node:os';
import type { Analysis } from '../../../core/src/index';
import { expectedParameters } from '../../../core/src/index';
import { bytes, t } from '../../../core/src/index';
import { ModelError } from '../errors';

/** Elements in one tensor; onnxruntime and typed arrays index with 32 bits. */
const MAX_ELEMENTS = 2 ** 31 - 1;

export function checkRunnable(analysis: Analysis, fileName: string, freeBytes = freemem()): void {
  const input = analysis.model.input?.value;
  if (!input) return;
  let total = 4 * input.width * input.height * input.depth;
  const tooBig = (what: string, n: number) =>
    new ModelError(t('runnerErrors.tooBig', { file: fileName, what, count: n.toLocaleString('en-US'), size: bytes(4 * n), max: MAX_ELEMENTS.toLocaleString('en-US') }));
  if (input.width * input.height * input.depth > MAX_ELEMENTS) throw tooBig(t('runnerErrors.tooBigInput', { shape: `${input.width}×${input.height}×${input.depth}` }), input.width * input.height * input.depth);
  for (const r of analysis.layers) {
    const label = r.decl.name ? t('runnerErrors.layerLabelNamed', { index: r.decl.index, name: r.decl.id, type: r.decl.type }) : t('runnerErrors.layerLabel', { index: r.decl.index, type: r.decl.type });
    const inShape = r.inputShapes[0];
    if (inShape) {
      for (const [key, shape] of Object.entries(expectedParameters(r.decl, inShape))) {
        const n = shape.reduce((a, b) => a * b, 1);
        if (n > MAX_ELEMENTS) throw tooBig(t('runnerErrors.tooBigWeight', { layer: label, key, shape: shape.join(', ') }), n);
        total += 4 * n;
      }
    }
    if (r.output) {
      const n = r.output.width * r.output.height * r.output.depth;
      if (n > MAX_ELEMENTS) throw tooBig(t('runnerErrors.tooBigOutput', { layer: label, shape: `${r.output.width}×${r.output.height}×${r.output.depth}` }), n);
      total += 4 * n;
    }
  }
  if (total > 0.8 * freeBytes) {
    throw new ModelError(t('runnerErrors.needsMemory', { file: fileName, needed: bytes(total), free: bytes(freeBytes) }));
  }
}

/** Bytes of weights and layer outputs (float32) a run of a checked model needs, as checkRunnable counts them. */
export function estimatedRunBytes(analysis: Analysis): number {
  const input = analysis.model.input?.value;
  let total = input ? 4 * input.width * input.height * input.depth : 0;
  for (const r of analysis.layers) {
    const inShape = r.inputShapes[0];
    if (inShape) for (const shape of Object.values(expectedParameters(r.decl, inShape))) total += 4 * shape.reduce((a, b) => a * b, 1);
    if (r.output) total += 4 * r.output.width * r.output.height * r.output.depth;
  }
  return total;
}
