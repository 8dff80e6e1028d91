// Which tensor each layer uses: the weights file (`<layer>.<key>`, `<layer>` = name or 0-based index),
// else inline `parameters:`, else a seeded He initialisation. Every missing key and wrong shape is
// collected and reported together, naming layer, key and both shapes, before anything runs.
import type { Analysis } from '../../../core/src/index';
import { expectedParameters, shapeText } from '../../../core/src/index';
import type { InlineTensor } from '../../../core/src/index';
import type { LayerDecl } from '../../../core/src/index';
import { modelRelativePath } from '../files/contained';
import { FileRefused } from '../files/readRegular';
import { beginHeBuild, DEFAULT_SEED, heInitialise } from './heInit';
import { readSafetensors, WeightsError, type ReadOptions, type SafetensorsFile } from './safetensors';
import type { LayerParameters, ParameterSet, ParameterSource, Tensor } from './types';
import { t } from '../../../core/src/index';

export interface ResolveOptions {
  /** The model file: `weights:` is relative to its folder. */
  modelFile: string;
  /** He initialisation seed (default 1). */
  seed?: number;
  /** Use this weights file instead of the model's `weights:` (absolute, or relative to the cwd). */
  weightsFile?: string;
  /** Folders besides the model's own that the model's `weights:` may name a file in (the workspace). */
  roots?: readonly string[];
  read?: ReadOptions;
}

export interface ResolvedParameters extends ParameterSet {
  /** The weights file that was read, if any. */
  weightsFile?: string;
  /** Layers (index) with at least one He-initialised tensor. */
  untrained: number[];
  /** Per layer, where each tensor came from. */
  sources: Map<number, Record<string, ParameterSource>>;
}

export function layerLabel(d: LayerDecl): string {
  return d.name || d.block ? `layer ${d.index} (${d.type} '${d.id}')` : `layer ${d.index} (${d.type})`;
}

export function resolveParameters(analysis: Analysis, opts: ResolveOptions): ResolvedParameters {
  const seed = opts.seed ?? DEFAULT_SEED;
  beginHeBuild();
  const declared = analysis.model.weights?.value;
  const weightsPath = opts.weightsFile ?? (declared !== undefined ? declaredWeights(opts, declared) : undefined);
  const file: SafetensorsFile | undefined = weightsPath ? readSafetensors(weightsPath, opts.read) : undefined;

  const byLayer = new Map<number, LayerParameters>();
  const sources = new Map<number, Record<string, ParameterSource>>();
  const untrained: number[] = [];
  const errors: string[] = [];
  const used = new Set<string>();
  const warnings: string[] = [];

  for (const r of analysis.layers) {
    const d = r.decl;
    const input = r.inputShapes[0];
    if (!input) continue;
    const expected = expectedParameters(d, input);
    if (Object.keys(expected).length === 0) continue;
    const tensors: Record<string, Tensor> = {};
    const src: Record<string, ParameterSource> = {};
    const inline = d.inlineParameters?.values;
    let he: Record<string, Tensor> | undefined;
    for (const [key, shape] of Object.entries(expected)) {
      const fileKey = `${d.id}.${key}`;
      const inl = inline?.get(key)?.value as InlineTensor | undefined;
      if (inl) {
        // The checker has compared the inline shape with `shape` already (an error stops the run earlier).
        tensors[key] = { shape: inl.shape, data: Float32Array.from(inl.data) };
        src[key] = 'inline';
        if (file?.entries.has(fileKey)) {
          used.add(fileKey);
          warnings.push(t('runnerErrors.inlineWins', { layer: layerLabel(d), key: fileKey, file: file.file, param: key }));
        }
        continue;
      }
      if (file) {
        const entry = file.entries.get(fileKey);
        used.add(fileKey);
        if (!entry) {
          errors.push(t('runnerErrors.keyMissing', { layer: layerLabel(d), key: fileKey, file: file.file, shape: shapeText(shape) }));
          continue;
        }
        if (entry.shape.length !== shape.length || entry.shape.some((x, i) => x !== shape[i])) {
          errors.push(t('runnerErrors.keyShape', { layer: layerLabel(d), key: fileKey, got: shapeText(entry.shape), shape: shapeText(shape) }));
          continue;
        }
        try {
          tensors[key] = { shape, data: file.read(fileKey) };
          src[key] = 'file';
        } catch (e) {
          errors.push(t('runnerErrors.keyUnreadable', { layer: layerLabel(d), key: fileKey, message: (e as Error).message }));
        }
        continue;
      }
      // A block's layers by full name, so that its values do not move when layers are added above it.
      he ??= heInitialise(d.type, d.block ? d.id : d.index, expected, seed);
      tensors[key] = he[key]!;
      src[key] = 'he';
    }
    // A layer is untrained when its weights are made up; a missing bias beside given weights is only zeros.
    const heKeys = Object.keys(src).filter((k) => src[k] === 'he');
    if (heKeys.some((k) => k !== 'bias' || src['weight'] === 'he')) untrained.push(d.index);
    else if (heKeys.length) warnings.push(t('runnerErrors.biasZeros', { layer: layerLabel(d), keys: heKeys.join(', ') }));
    const values = Object.values(src);
    const source: ParameterSource = values.includes('file') ? 'file' : values.includes('inline') ? 'inline' : 'he';
    byLayer.set(d.index, { tensors, source });
    sources.set(d.index, src);
  }

  if (errors.length) {
    throw new WeightsError(t('runnerErrors.weightsDoNotFit', { file: weightsPath ?? opts.modelFile, lines: errors.join('\n  ') }));
  }
  if (file) {
    const unused = [...file.entries.keys()].filter((k) => !used.has(k));
    if (unused.length) {
      const names = unused.slice(0, 8).join(', ');
      const shown = unused.length > 8 ? t('runnerErrors.unusedMore', { names, count: unused.length - 8 }) : names;
      warnings.push(t(unused.length > 1 ? 'runnerErrors.unusedTensors' : 'runnerErrors.unusedTensor', { file: file.file, count: unused.length, names: shown }));
    }
  }
  const out: ResolvedParameters = { byLayer, warnings, untrained, sources };
  if (untrained.length) out.heSeed = seed;
  if (weightsPath) out.weightsFile = weightsPath;
  return out;
}

/** The model's own `weights:`, which must stay inside the model's folder (files/contained.ts). */
function declaredWeights(opts: ResolveOptions, declared: string): string {
  try {
    return modelRelativePath(opts.modelFile, declared, 'weights', opts.roots);
  } catch (e) {
    if (e instanceof FileRefused) throw new WeightsError(e.message);
    throw e;
  }
}

export { WeightsError };
