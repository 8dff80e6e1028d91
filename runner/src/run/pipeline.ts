// The whole run of a model on images, on the thread that calls it (the worker: see engine/worker.ts):
// analyse the text, refuse errors, resolve the weights (errors before anything runs), build the ONNX
// graph, decode the images (a bad image is reported and the others still run), run each one, and
// gather outputs, top-5, the shapes that ran and per-layer times.
import { basename } from 'node:path';
import { analyze } from '../../../core/src/index';
import type { Rounding, Shape } from '../../../core/src/index';
import { createEngineSession, type EngineOptions, type LayerTimes, type OutputTensor } from '../engine/session';
import { FileRefused, readRegularFile } from '../files/readRegular';
import { readImageFile, type DecodeLimits } from '../images/decode';
import { imageToInput, inputProblem, type NetworkInput } from '../images/toTensor';
import type { FloatImage } from '../images/resize';
import { buildGraph, layerOutputName } from '../onnx/buildGraph';
import { ModelError, refuseErrors } from '../onnx/modelErrors';
import { encodeModel } from '../onnx/proto';
import { resolveParameters } from '../weights/resolve';
import { loadLabels } from './labels';
import { MAP_TYPES, previewImage, previewMap, type ImagePreview, type MapPreview, type PreviewOptions } from './previews';
import { shapeOfDims, topK, type ImageOutput, type LayerRun, type RunResult } from './result';
import { checkRunnable } from './sizeCheck';

export interface PipelineRequest {
  modelFile: string;
  /** The model text (an editor's unsaved buffer); read from modelFile when absent. */
  text?: string;
  /** The rounding of a model without `rounding:` (the editor setting, `--rounding`); strict when absent. */
  defaultRounding?: Rounding;
  images: string[];
  engine?: EngineOptions;
  seed?: number;
  /** A weights file instead of the model's `weights:` (the user's own choice: read wherever it is). */
  weightsFile?: string;
  /** Folders besides the model's own that the model's `weights:` and `labels:` may name files in. */
  roots?: string[];
  limits?: DecodeLimits;
  /** Layer indices whose output maps to return per image (for display). */
  keepOutputsOf?: number[];
  /** Return the picture each image became (after resize and depth conversion). */
  keepInputs?: boolean;
  /** Return 8-bit previews of the input and of these layers' feature maps (for display). */
  previews?: PreviewOptions;
}

export interface ImageExtras {
  image: string;
  seen?: FloatImage;
  maps?: Record<number, OutputTensor>;
  seenPreview?: ImagePreview;
  mapPreviews?: MapPreview[];
}

export interface PipelineResult extends RunResult {
  /** Per image that ran, in the order of `outputs`: what keepInputs / keepOutputsOf asked for. */
  extras: ImageExtras[];
  modelName?: string;
}

export type Progress = (message: string, fraction?: number) => void;

/** Thrown between steps when the caller asked the run to stop. */
export class PipelineStopped extends Error {
  constructor() {
    super('the run was cancelled');
  }
}

export async function runPipeline(req: PipelineRequest, progress: Progress = () => {}, shouldStop: () => boolean = () => false): Promise<PipelineResult> {
  const checkStop = () => {
    if (shouldStop()) throw new PipelineStopped();
  };
  let text = req.text;
  if (text === undefined) {
    try {
      text = readRegularFile(req.modelFile, 'model').toString('utf8');
    } catch (e) {
      if (e instanceof FileRefused) throw new ModelError(e.message);
      throw e;
    }
  }
  const analysis = analyze({
    text: text.replace(/^\uFEFF/, ''),
    fileName: req.modelFile,
    ...(req.defaultRounding ? { defaultRounding: req.defaultRounding } : {}),
  });
  progress('reading weights');
  // Resolving weights needs the shapes: a model with errors is refused first.
  refuseErrors(analysis, req.modelFile);
  checkRunnable(analysis, req.modelFile);
  const inputShape = analysis.model.input?.value;
  const params = resolveParameters(analysis, {
    modelFile: req.modelFile,
    ...(req.seed !== undefined ? { seed: req.seed } : {}),
    ...(req.weightsFile ? { weightsFile: req.weightsFile } : {}),
    ...(req.roots ? { roots: req.roots } : {}),
  });
  const graph = buildGraph(analysis, params, { fileName: req.modelFile });
  const problem = inputShape && inputProblem(inputShape, analysis.model.preprocess.value);
  if (problem) throw new ModelError(`${req.modelFile}: ${problem}`);
  const labels = loadLabels(analysis.model, req.modelFile, req.roots);
  const warnings = [...params.warnings];
  const last = analysis.layers[analysis.layers.length - 1]!;
  const outCount = last.output ? last.output.width * last.output.height * last.output.depth : 0;
  if (labels && labels.length !== outCount) {
    warnings.push(`${labels.length} labels for ${outCount} output values: ${labels.length < outCount ? 'some outputs have no label' : 'some labels are not used'}`);
  }

  // Images first: a bad one is reported and the others still run.
  const errors: RunResult['errors'] = [];
  const inputs: Array<{ image: string; input: NetworkInput }> = [];
  for (const image of req.images) {
    progress(`reading ${basename(image)}`);
    // Let a 'cancel' message in: decoding is synchronous.
    await new Promise((r) => setImmediate(r));
    checkStop();
    try {
      inputs.push({ image, input: imageToInput(readImageFile(image, req.limits), inputShape!, analysis.model.preprocess.value) });
    } catch (e) {
      errors.push({ image, error: (e as Error).message });
    }
  }

  const result: PipelineResult = { outputs: [], layers: [], errors, warnings, engine: 'native', extras: [] };
  if (analysis.model.name) result.modelName = analysis.model.name.value;
  if (params.untrained.length && params.heSeed !== undefined) result.untrained = { seed: params.heSeed, layers: params.untrained };
  if (inputs.length === 0) {
    result.layers = analysis.layers.map((r) => ({ index: r.decl.index, name: r.decl.id, type: r.decl.type, output: r.output!, predicted: r.output, ms: null }));
    return result;
  }

  progress('starting onnxruntime');
  const session = await createEngineSession(encodeModel(graph.model), { ...req.engine, profile: req.engine?.profile ?? true });
  result.engine = session.backend;
  if (shouldStop()) {
    await session.release();
    throw new PipelineStopped();
  }
  if (session.notice) warnings.push(session.notice);
  // The caller (the editor) need not analyse the model to name the layers worth showing.
  const previewLayers = req.previews ? (req.previews.layers ?? analysis.layers.filter((l) => MAP_TYPES.has(l.decl.type)).map((l) => l.decl.index)) : [];
  const keep = new Set([...(req.keepOutputsOf ?? []), ...previewLayers]);
  let firstDims: Record<string, number[]> | undefined;
  try {
    const profiled = session.backend === 'native';
    // Copying every layer's output out of onnxruntime costs more than running small layers, so only
    // the first image fetches them all (the shapes that ran); the others fetch the result and the maps asked for.
    const some = [graph.finalOutput, ...[...keep].map(layerOutputName)];
    // A warm-up pass, not counted in the per-layer times: the first run pays for allocations.
    if (profiled) await session.run(inputs[0]!.input.tensor, inputs[0]!.input.dims, [graph.finalOutput]);
    for (let i = 0; i < inputs.length; i++) {
      const { image, input } = inputs[i]!;
      progress(`running ${basename(image)}`, i / inputs.length);
      checkStop();
      const t0 = performance.now();
      const out = await session.run(input.tensor, input.dims, i === 0 ? undefined : some);
      const ms = performance.now() - t0;
      const final = out[graph.finalOutput]!;
      firstDims ??= Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.dims]));
      const o: ImageOutput = { image, output: Array.from(final.data), top: topK(final.data, 5, labels), ms: round(ms) };
      result.outputs.push(o);
      const extra: ImageExtras = { image };
      if (req.keepInputs) extra.seen = input.seen;
      if (req.keepOutputsOf?.length) {
        extra.maps = {};
        for (const k of req.keepOutputsOf) {
          const t = out[layerOutputName(k)];
          if (t) extra.maps[k] = { dims: t.dims, data: new Float32Array(t.data) };
        }
      }
      if (req.previews) {
        extra.seenPreview = previewImage(input.seen);
        extra.mapPreviews = [];
        for (const k of previewLayers) {
          const t = out[layerOutputName(k)];
          if (t) extra.mapPreviews.push(previewMap(k, t, req.previews));
        }
      }
      result.extras.push(extra);
    }
    const times = profiled ? session.takeLayerTimes().slice(1) : [];
    result.layers = analysis.layers.map((r) => layerRun(r.decl.index, r.decl.id, r.decl.type, r.output, firstDims![layerOutputName(r.decl.index)], times));
  } finally {
    await session.release();
  }
  for (const l of result.layers) {
    if (l.predicted && !sameShape(l.predicted, l.output)) {
      warnings.push(`layer ${l.index}: the checker predicted ${fmt(l.predicted)} but ${fmt(l.output)} ran (a bug: please report it)`);
    }
  }
  progress('done', 1);
  return result;
}

function layerRun(index: number, name: string, type: string, predicted: Shape | null, dims: number[] | undefined, times: LayerTimes[]): LayerRun {
  const ran = times.map((t) => t.get(index) ?? 0);
  return { index, name, type, output: dims ? shapeOfDims(dims) : predicted!, predicted, ms: ran.length ? round(median(ran)) : null };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.width === b.width && a.height === b.height && a.depth === b.depth;
}

export function fmt(s: Shape): string {
  return `${s.width}×${s.height}×${s.depth}`;
}
