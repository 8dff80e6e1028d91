// A run made ready ahead of time (the editor asks for it when a model file is shown, so that "Run Model
// on Image…" finds onnxruntime loaded and the session built): everything before the first image, kept
// for one run of the same model version. The key is what the session depends on (text, file, rounding,
// seed, weights, engine options); the weights and labels files are checked again (size and time) when
// it is used, so that a file changed on disk in between is read afresh.
import { statSync } from 'node:fs';
import { analyze } from '../../../core/src/index';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { estimatedRunBytes } from './sizeCheck';
import { startRun, type PipelineRequest, type StartedRun } from './pipeline';
import { PhaseClock, type PhaseMark } from './phases';
import { readyKey } from './readyKey';

export { readyKey };

/** Above this (weights and the first image's layer outputs), a session is not built on speculation. */
export const MAX_AHEAD_BYTES = 128 * 1024 * 1024;

export interface ReadyRun extends StartedRun {
  key: string;
  /** When its steps ended: a run that waited for some of them shows them among its own phases. */
  marks: readonly PhaseMark[];
  /** Size and time of the files the session read, at the time it read them. */
  stamps: string;
}

function stampOf(file: string | undefined): string {
  if (!file) return '-';
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function filesRead(ready: StartedRun, req: PipelineRequest): Array<string | undefined> {
  const labels = ready.prep.analysis.model.labels?.value;
  return [ready.weightsFile, typeof labels === 'string' ? resolve(req.modelFile, '..', labels) : undefined];
}

/**
 * Builds the session for `req`; undefined when the model is too large to build on speculation, or when
 * `stale()` says another request has replaced this one (checked between the steps, where this thread
 * lets messages in: a newer request's message sets it).
 */
export async function makeReady(req: PipelineRequest, clock: PhaseClock, stale: () => boolean = () => false): Promise<ReadyRun | undefined> {
  if (req.text === undefined) return undefined;
  // A quick analysis first (milliseconds): a model with errors or a huge one is not built ahead.
  const analysis = analyze({ text: req.text.replace(/^\uFEFF/, ''), fileName: req.modelFile, ...(req.defaultRounding ? { defaultRounding: req.defaultRounding } : {}) });
  if (analysis.diagnostics.some((d) => d.severity === 'error') || estimatedRunBytes(analysis) > MAX_AHEAD_BYTES) return undefined;
  await new Promise((r) => setImmediate(r));
  if (stale()) return undefined;
  const started = await startRun(req, () => {}, clock, false);
  if (stale()) {
    await started.session.release();
    return undefined;
  }
  // The warm-up pass a profiled run starts with (it pays for onnxruntime's allocations), done now.
  if (req.profile === true && started.session.backend === 'native') {
    const s = started.prep.inputShape;
    // Every output fetched, as the first image's run does: its allocations are the ones to make ahead.
    await started.session.run(new Float32Array(s.depth * s.height * s.width), [1, s.depth, s.height, s.width]);
    started.warmedUp = true;
    clock.mark('warmup');
  }
  return { ...started, key: readyKey(req), marks: clock.marks, stamps: filesRead(started, req).map(stampOf).join('|') };
}

/** Whether `ready` was made for this request and its files have not changed since. */
export function fitsRequest(ready: ReadyRun, req: PipelineRequest): boolean {
  return ready.key === readyKey(req) && ready.stamps === filesRead(ready, req).map(stampOf).join('|');
}

/** Most networks' layer kinds, small: built and run once by a spare worker before any model is asked for. */
export const EXERCISE_MODEL = JSON.stringify({
  input: { width: 32, height: 32, depth: 3 },
  layers: [
    { type: 'conv', filters: 32, kernel: 3, padding: 1, bias: false },
    { type: 'batchnorm' },
    { type: 'relu' },
    { type: 'maxpool', kernel: 2 },
    { name: 'c2', type: 'conv', filters: 32, kernel: 3, padding: 1 },
    { type: 'add', inputs: ['c2', 'c2'] },
    { type: 'globalavgpool' },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
    { type: 'softmax' },
  ],
});

/**
 * Builds and runs a small model once, so that the first real build does not pay for what a process does
 * only once: compiling the analysis, He initialisation and graph code, onnxruntime's first session (about
 * 60 ms of ResNet-18's first build here, for 70 ms spent ahead in the background).
 */
export async function exerciseEngine(): Promise<boolean> {
  const made = await makeReady({ modelFile: join(tmpdir(), 'cnnshape-exercise.cnn.json'), text: EXERCISE_MODEL, images: [] }, new PhaseClock());
  if (!made) return false;
  try {
    await made.session.run(new Float32Array(3 * 32 * 32), [1, 3, 32, 32]);
    return true;
  } finally {
    await made.session.release();
  }
}
