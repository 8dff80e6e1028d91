// The whole run of a model on images, on the thread that calls it (the worker: see engine/worker.ts):
// analyse the text, refuse errors, resolve the weights (errors before anything runs), build the ONNX
// graph, then decode, run and hand over the images as a stream (a bad image is reported and the
// others still run). Memory is bounded whatever the number of images: at most two batches are in
// flight (one running, the next decoded), and with `onImage` no per-image result is kept.
//
// The first image runs alone through a graph that exposes every layer's output (the shapes that ran);
// the others run in batches through a graph exposing only the result and the maps asked for, which
// onnxruntime can fuse (conv + batchnorm + relu). With `profile`, every image runs alone through the
// first graph with the profiler on, so that per-layer times can be told apart.
import { basename } from 'node:path';
import type { Rounding, Shape } from '../../../core/src/index';
import { createEngineSession, loadNativeEngine, wasmForced, type EngineOptions, type EngineSession, type LayerTimes, type OutputTensor } from '../engine/session';
import { readImageFile, type DecodeLimits } from '../images/decode';
import { imageToInput, type NetworkInput } from '../images/toTensor';
import type { FloatImage } from '../images/resize';
import { buildGraph, layerOutputName } from '../onnx/buildGraph';
import { encodeModel } from '../onnx/proto';
import { collectBefore } from '../engine/collect';
import { prepareRun, type PreparedRun } from './prepare';
import { PhaseClock, type PhaseMark } from './phases';
import type { ReadyRun } from './warmStart';
import type { ResolvedParameters } from '../weights/resolve';
import { MAP_TYPES, previewImage, previewMap, type ImagePreview, type MapPreview, type PreviewOptions } from './previews';
import { shapeOfDims, topK, type ImageOutput, type LayerRun, type RunResult } from './result';
import { t } from '../../../core/src/index';

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
  /** Per-layer kernel times (native engine): the profiler on, one warm-up pass, one image per call. */
  profile?: boolean;
  /** Images per onnxruntime call after the first (default 8, at most MAX_BATCH). */
  batchSize?: number;
}

export const DEFAULT_BATCH = 8;
export const MAX_BATCH = 64;

export interface ImageExtras {
  image: string;
  seen?: FloatImage;
  /** With keepInputs: the tensor the network took (after preprocess), [1, depth, height, width]. */
  input?: OutputTensor;
  maps?: Record<number, OutputTensor>;
  seenPreview?: ImagePreview;
  mapPreviews?: MapPreview[];
}

export interface PipelineResult extends RunResult {
  /** Per image that ran, in the order of `outputs`: what keepInputs / keepOutputsOf asked for. */
  extras: ImageExtras[];
  modelName?: string;
  /** When each phase ended (see phases.ts). */
  timing?: PhaseMark[];
}

export type Progress = (message: string, fraction?: number) => void;
/**
 * Receives each image's result as it is ready; the pipeline then keeps neither in its result. A promise
 * returned makes the pipeline wait before its next batch (the reader is behind: engine/replyWindow.ts).
 */
export type ImageSink = (output: ImageOutput, extras: ImageExtras) => void | Promise<void>;

/** Thrown between steps when the caller asked the run to stop. */
export class PipelineStopped extends Error {
  constructor() {
    super(t('runnerErrors.cancelled'));
  }
}

interface Decoded {
  image: string;
  input: NetworkInput;
}

export async function runPipeline(
  req: PipelineRequest,
  progress: Progress = () => {},
  shouldStop: () => boolean = () => false,
  onImage?: ImageSink,
  clock = new PhaseClock(),
  ready?: ReadyRun,
): Promise<PipelineResult> {
  const checkStop = () => {
    if (shouldStop()) throw new PipelineStopped();
  };
  // The lean graph (batches) needs the weights again; a session made ahead (warmStart.ts) has dropped them.
  const lean = req.images.length > 1 && !(req.profile === true && !wasmForced(req.engine ?? {}));
  const started = ready && !lean ? ready : await startRun(req, progress, clock, lean);
  if (ready && started !== ready) await ready.session.release();
  const { analysis, inputShape, labels, warnings } = started.prep;
  // Held only here, so that dropping it frees the weights (hundreds of MB for a large model).
  let params: ResolvedParameters | undefined = started.params;
  const result: PipelineResult = { outputs: [], layers: [], errors: [], warnings: [...warnings], engine: 'native', extras: [], timing: clock.marks };
  if (analysis.model.name) result.modelName = analysis.model.name.value;
  if (started.untrained) result.untrained = started.untrained;
  const finalOutput = layerOutputName(analysis.layers.length - 1);
  const predictedOnly = () => analysis.layers.map((r): LayerRun => ({ index: r.decl.index, name: r.decl.id, type: r.decl.type, output: r.output!, predicted: r.output, ms: null }));
  let session: EngineSession | undefined = started.session;
  result.engine = session.backend;
  if (session.notice) result.warnings.push(session.notice);

  let next = 0;
  const total = req.images.length;
  // The picture as the network saw it is shown only by the editor.
  const keepSeen = req.keepInputs === true || req.previews !== undefined;
  /** Floats in one image's tensor. */
  const imageSize = inputShape.depth * inputShape.width * inputShape.height;
  /** Decodes up to n images, each tensor into its slot of `into` when given (a batch's own buffer); a bad one is recorded and skipped. */
  const decode = async (n: number, into?: Float32Array): Promise<Decoded[]> => {
    const out: Decoded[] = [];
    while (out.length < n && next < total) {
      const image = req.images[next++]!;
      progress(`reading ${basename(image)}`, (next - 1) / total);
      // Let a 'cancel' message in: decoding is synchronous.
      await new Promise((r) => setImmediate(r));
      checkStop();
      try {
        const slot = into?.subarray(out.length * imageSize, (out.length + 1) * imageSize);
        out.push({ image, input: imageToInput(readImageFile(image, req.limits), inputShape, analysis.model.preprocess.value, keepSeen, slot) });
      } catch (e) {
        result.errors.push({ image, error: (e as Error).message });
      }
    }
    return out;
  };

  const first = await decode(1).catch(async (e: unknown) => {
    await session?.release();
    throw e;
  });
  clock.mark('decode');
  if (first.length === 0) {
    await session.release();
    result.layers = predictedOnly();
    clock.mark('done');
    return result;
  }
  // The caller (the editor) need not analyse the model to name the layers worth showing.
  const previewLayers = req.previews ? (req.previews.layers ?? analysis.layers.filter((l) => MAP_TYPES.has(l.decl.type)).map((l) => l.decl.index)) : [];
  const keep = [...new Set([...(req.keepOutputsOf ?? []), ...previewLayers])];
  const fetch = [finalOutput, ...keep.filter((k) => layerOutputName(k) !== finalOutput).map(layerOutputName)];
  const emit = (d: Decoded, out: Record<string, OutputTensor>, at: number, ms: number): void | Promise<void> => {
    const final = slice(out[finalOutput]!, at);
    const o: ImageOutput = { image: d.image, output: Array.from(final.data), top: topK(final.data, 5, labels), ms: round(ms) };
    const extra = imageExtras(d, out, at, req, previewLayers);
    if (onImage) return onImage(o, extra);
    result.outputs.push(o);
    result.extras.push(extra);
    return undefined;
  };

  let firstDims: Record<string, number[]> = {};
  let times: LayerTimes[] = [];
  try {
    if (shouldStop()) throw new PipelineStopped();
    const profiled = req.profile === true && session.backend === 'native';
    // A warm-up pass, not counted in the per-layer times: the first run pays for allocations.
    if (profiled && !started.warmedUp) await session.run(first[0]!.input.tensor, first[0]!.input.dims, [finalOutput]);
    progress(`running ${basename(first[0]!.image)}`, 1 / total);
    const t0 = performance.now();
    const out = await session.run(first[0]!.input.tensor, first[0]!.input.dims);
    const ms = performance.now() - t0;
    firstDims = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.dims]));
    clock.mark('run');
    await emit(first[0]!, pick(out, fetch), 0, ms);
    if (lean) {
      await session.release();
      session = undefined;
      const leanBytes = encodeModel(buildGraph(analysis, params!, { fileName: req.modelFile, exposeAll: false, expose: keep }).model);
      params = undefined;
      collectBefore(leanBytes.length);
      session = await createEngineSession(leanBytes, { ...req.engine, profile: false });
    }
    const batch = lean ? Math.min(Math.max(1, Math.floor(req.batchSize ?? DEFAULT_BATCH)), MAX_BATCH) : 1;
    await runBatches(session, batch, decode, checkStop, fetch, emit, imageSize);
    times = profiled ? session.takeLayerTimes().slice(1) : [];
  } finally {
    if (session) await session.release();
  }
  result.layers = analysis.layers.map((r) => layerRun(r.decl.index, r.decl.id, r.decl.type, r.output, firstDims[layerOutputName(r.decl.index)], times));
  for (const l of result.layers) {
    if (l.predicted && !sameShape(l.predicted, l.output)) {
      result.warnings.push(t('runnerErrors.predictedDiffers', { index: l.index, predicted: fmt(l.predicted), ran: fmt(l.output) }));
    }
  }
  progress('done', 1);
  clock.mark('done');
  return result;
}

export interface StartedRun {
  prep: Omit<PreparedRun, 'params'>;
  /** Kept only for the lean graph. */
  params?: ResolvedParameters;
  untrained?: { seed: number; layers: number[] };
  /** The weights file read, if any. */
  weightsFile?: string;
  /** The profiled session's warm-up pass is done (warmStart.ts). */
  warmedUp?: boolean;
  session: EngineSession;
}

/** Everything before the first image: analysis, weights, the full graph, onnxruntime's session. */
export async function startRun(req: PipelineRequest, progress: Progress, clock: PhaseClock, keepParams: boolean): Promise<StartedRun> {
  const { params, ...prep } = prepareRun(req, progress, clock);
  const untrained = params.untrained.length && params.heSeed !== undefined ? { seed: params.heSeed, layers: params.untrained } : undefined;
  let fullBytes: Uint8Array | undefined = encodeModel(buildGraph(prep.analysis, params, { fileName: req.modelFile }).model);
  clock.mark('graph');
  progress(t('runnerErrors.progressEngine'));
  if (loadNativeEngine(req.engine)) clock.mark('engine');
  const kept = keepParams ? params : undefined;
  // Before onnxruntime copies the weights: the JavaScript copies go first unless the lean graph needs them.
  collectBefore(fullBytes.length);
  const session = await createEngineSession(fullBytes, { ...req.engine, profile: req.profile === true, everyOutput: true });
  fullBytes = undefined;
  clock.mark('session');
  return { prep, ...(kept ? { params: kept } : {}), ...(untrained ? { untrained } : {}), ...(params.weightsFile ? { weightsFile: params.weightsFile } : {}), session };
}

/**
 * Runs the remaining images `batch` at a time, two batches at most in memory (the one running and the
 * next), and waits when the reader of the results has fallen behind. The next batch's decoding is asked
 * for before the run is awaited, but onnxruntime-node runs a session on this thread (in a setImmediate),
 * so the two take turns; decoding in another thread was measured no faster here, onnxruntime's two
 * threads already keep both cores busy.
 */
async function runBatches(
  session: EngineSession,
  batch: number,
  decode: (n: number, into?: Float32Array) => Promise<Decoded[]>,
  checkStop: () => void,
  fetch: string[],
  emit: (d: Decoded, out: Record<string, OutputTensor>, at: number, ms: number) => void | Promise<void>,
  imageSize: number,
): Promise<void> {
  // Two batch tensors for the whole run, taken in turn: images are decoded straight into the one not
  // running (no tensor allocated per image, no copy to stack them).
  let [mine, other] = [new Float32Array(imageSize * batch), new Float32Array(imageSize * batch)];
  let chunk = await decode(batch, mine);
  while (chunk.length) {
    checkStop();
    const { tensor, dims } = stack(chunk, mine);
    [mine, other] = [other, mine];
    const t0 = performance.now();
    const running = session.run(tensor, dims, fetch);
    // Handled below; without this a failure during the decoding would count as unhandled.
    running.catch(() => {});
    const following = await decode(batch, mine).catch(async (e: unknown) => {
      await running.catch(() => {});
      throw e;
    });
    const out = await running;
    const ms = (performance.now() - t0) / chunk.length;
    // A reader that is behind makes the sink return a wait: one for the chunk (the next chunk is
    // decoded already, so memory stays at two batches).
    let behind: Promise<void> | undefined;
    for (const [i, d] of chunk.entries()) behind = emit(d, out, i, ms) ?? behind;
    if (behind) await behind;
    chunk = following;
  }
}

/** The chunk's images as one [n, C, H, W] tensor in `buffer`, where they were decoded (copied if not). */
function stack(chunk: Decoded[], buffer: Float32Array): { tensor: Float32Array; dims: number[] } {
  const one = chunk[0]!.input;
  const n = one.tensor.length;
  const tensor = buffer.subarray(0, n * chunk.length);
  chunk.forEach((d, i) => {
    const t = d.input.tensor;
    if (t.buffer !== buffer.buffer || t.byteOffset !== buffer.byteOffset + i * n * 4) tensor.set(t, i * n);
  });
  return { tensor, dims: [chunk.length, ...one.dims.slice(1)] };
}

/** Image `at` of a batch's output (a view, not a copy). */
function slice(t: OutputTensor, at: number): OutputTensor {
  const per = t.data.length / (t.dims[0] ?? 1);
  return { dims: [1, ...t.dims.slice(1)], data: t.data.subarray(at * per, (at + 1) * per) };
}

function pick(out: Record<string, OutputTensor>, names: string[]): Record<string, OutputTensor> {
  return Object.fromEntries(names.filter((n) => out[n]).map((n) => [n, out[n]!]));
}

function imageExtras(d: Decoded, out: Record<string, OutputTensor>, at: number, req: PipelineRequest, previewLayers: number[]): ImageExtras {
  const extra: ImageExtras = { image: d.image };
  if (req.keepInputs) {
    if (d.input.seen) extra.seen = d.input.seen;
    // A copy: the tensor lives in a batch buffer the next batches are decoded into.
    extra.input = { dims: d.input.dims, data: new Float32Array(d.input.tensor) };
  }
  if (req.keepOutputsOf?.length) {
    extra.maps = {};
    for (const k of req.keepOutputsOf) {
      const t = out[layerOutputName(k)];
      if (t) {
        const s = slice(t, at);
        extra.maps[k] = { dims: s.dims, data: new Float32Array(s.data) };
      }
    }
  }
  if (req.previews) {
    if (d.input.seen) extra.seenPreview = previewImage(d.input.seen);
    extra.mapPreviews = [];
    for (const k of previewLayers) {
      const t = out[layerOutputName(k)];
      if (t) extra.mapPreviews.push(previewMap(k, slice(t, at), req.previews));
    }
  }
  return extra;
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
