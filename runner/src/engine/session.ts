// One inference session over a built ONNX model: onnxruntime-node (native, all cores) when its binary
// loads, else onnxruntime-web (WebAssembly) with a notice. Runs block the thread they are called on:
// callers use worker.ts through client.ts, never this file on an extension host's or CLI's main thread
// (tests and the benchmark may).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { layerOfNodeName } from '../onnx/buildGraph';
import { disableOrtTelemetry } from './client';
import { t } from '../../../core/src/index';

type Ort = typeof import('onnxruntime-node');
type OrtSession = import('onnxruntime-node').InferenceSession;

export type Backend = 'native' | 'wasm';

export interface EngineOptions {
  /** Use the WebAssembly engine even if the native one loads (also: CNNSHAPE_FORCE_WASM=1). */
  forceWasm?: boolean;
  /** Threads for one run; default: every core. */
  threads?: number;
  /** Record per-node times (native only), read back with takeLayerTimes(). */
  profile?: boolean;
  /** Where onnxruntime's profile files go (default: the system's temp folder); the caller removes it. */
  scratchDir?: string;
  /**
   * The graph exposes every layer's output, so nothing can be fused across layers: onnxruntime's layout
   * optimisations are skipped (level 'extended'). ResNet-18's session is then made in about 16 ms
   * instead of 70–170, and its pass takes the same time.
   */
  everyOutput?: boolean;
}

export interface OutputTensor {
  dims: number[];
  data: Float32Array;
}

/** Milliseconds per layer index for one run. */
export type LayerTimes = Map<number, number>;

export interface EngineSession {
  backend: Backend;
  /** Why the fallback engine is used, if it is. */
  notice?: string;
  run(input: Float32Array, dims: number[], fetch?: string[]): Promise<Record<string, OutputTensor>>;
  /** Ends profiling and returns each run's per-layer kernel times; [] when not profiled. */
  takeLayerTimes(): LayerTimes[];
  release(): Promise<void>;
}

export function wasmForced(opts: EngineOptions): boolean {
  return opts.forceWasm === true || /^(1|true|yes)$/i.test(process.env['CNNSHAPE_FORCE_WASM'] ?? '');
}

function loadNative(): Ort {
  disableOrtTelemetry();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('onnxruntime-node') as Ort;
}

function loadWasm(threads: number): Ort {
  // The web package has the same InferenceSession/Tensor API as the node one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ort = require('onnxruntime-web') as Ort & { env: { wasm: { numThreads?: number } } };
  ort.env.wasm.numThreads = threads;
  return ort;
}

/**
 * Loads the native onnxruntime library now (a no-op once loaded), so that a caller can time it or do it
 * ahead of a run; false when it cannot load or WebAssembly is forced (createEngineSession then says why).
 */
export function loadNativeEngine(opts: EngineOptions = {}): boolean {
  if (wasmForced(opts)) return false;
  try {
    loadNative();
    return true;
  } catch {
    return false;
  }
}

export async function createEngineSession(model: Uint8Array, opts: EngineOptions = {}): Promise<EngineSession> {
  // Bounded whatever the caller asks: the CLI refuses more than 4 per core with a message; this is the backstop.
  const threads = Math.min(Math.max(1, Math.floor(opts.threads ?? availableParallelism())), availableParallelism() * 4);
  let notice: string | undefined;
  if (!wasmForced(opts)) {
    let ort: Ort | undefined;
    try {
      ort = loadNative();
    } catch (e) {
      notice = t('runnerErrors.nativeUnavailable', { reason: firstLine(e) });
    }
    if (ort) return nativeSession(ort, model, threads, opts);
  } else {
    notice = t('runnerErrors.wasmForced');
  }
  const ort = loadWasm(threads);
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const s = wrap(ort, session, 'wasm', () => []);
  if (notice) s.notice = notice;
  return s;
}

async function nativeSession(ort: Ort, model: Uint8Array, threads: number, opts: EngineOptions): Promise<EngineSession> {
  const dir = opts.profile === true ? mkdtempSync(join(opts.scratchDir ?? tmpdir(), 'cnnshape-profile-')) : undefined;
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: opts.everyOutput === true ? 'extended' : 'all',
    // onnxruntime's threads spin between operators by default: on cores that other processes share, the
    // spinning thread holds a core the next operator's other thread waits for (a ResNet-18 pass under load
    // 2 here: 82–95 ms spinning, 43–59 ms not; batches of 8 as fast or faster).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
    ...(dir ? { enableProfiling: true, profileFilePrefix: join(dir, 'profile') } : {}),
  });
  let ended = false;
  const takeLayerTimes = (): LayerTimes[] => {
    if (!dir || ended) return [];
    ended = true;
    try {
      session.endProfiling();
      const file = readdirSync(dir).find((f) => f.endsWith('.json'));
      return file ? parseProfile(readFileSync(join(dir, file), 'utf8')) : [];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const s = wrap(ort, session, 'native', takeLayerTimes);
  const release = s.release.bind(s);
  s.release = async () => {
    if (dir && !ended) {
      ended = true;
      rmSync(dir, { recursive: true, force: true });
    }
    await release();
  };
  return s;
}

function wrap(ort: Ort, session: OrtSession, backend: Backend, takeLayerTimes: () => LayerTimes[]): EngineSession {
  const inputName = session.inputNames[0]!;
  return {
    backend,
    async run(input, dims, fetch) {
      const feeds = { [inputName]: new ort.Tensor('float32', input, dims) };
      const result = fetch ? await session.run(feeds, fetch) : await session.run(feeds);
      const out: Record<string, OutputTensor> = {};
      for (const [name, t] of Object.entries(result)) {
        out[name] = { dims: t.dims.map(Number), data: t.data as Float32Array };
      }
      return out;
    },
    takeLayerTimes,
    release: () => session.release(),
  };
}

interface ProfileEvent {
  cat?: string;
  name?: string;
  ts?: number;
  dur?: number;
}

/**
 * onnxruntime's profile (Chrome trace JSON): one `model_run` event per run and one `<node>_kernel_time`
 * event per node executed, in microseconds. A layer's time in a run is the sum of its nodes' kernel times.
 * The optimiser renames the nodes it fuses or inserts (`Gelu`, `ReorderOutput`, `layer0_nchwc`): a name
 * that still says its layer is used; otherwise, in execution order, a node fills the first layer skipped
 * before the next named one (a fused layer), or else counts with the layer before it (a layout reorder).
 */
export function parseProfile(json: string): LayerTimes[] {
  const events = JSON.parse(json) as ProfileEvent[];
  const timed = (e: ProfileEvent): e is Required<ProfileEvent> => typeof e.ts === 'number' && typeof e.dur === 'number' && typeof e.name === 'string';
  const runs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run').filter(timed);
  const nodes = events.filter((e) => e.cat === 'Node' && e.name?.endsWith('_kernel_time')).filter(timed).sort((a, b) => a.ts - b.ts);
  return runs.map((run) => {
    const inRun = nodes.filter((e) => e.ts >= run.ts && e.ts <= run.ts + run.dur);
    const known = inRun.map((e) => layerOfProfiledNode(e.name.slice(0, -'_kernel_time'.length)));
    const times: LayerTimes = new Map();
    let prev = -1;
    for (let i = 0; i < inRun.length; i++) {
      let layer = known[i];
      if (layer === undefined) {
        const next = known.slice(i + 1).find((k) => k !== undefined);
        layer = next !== undefined && next > prev + 1 && !times.has(prev + 1) ? prev + 1 : Math.max(prev, 0);
      }
      times.set(layer, (times.get(layer) ?? 0) + inRun[i]!.dur / 1000);
      prev = Math.max(prev, layer);
    }
    return times;
  });
}

/** `L3.Conv0` (our node names) or `layer3…` (names the optimiser derives from our output names). */
function layerOfProfiledNode(name: string): number | undefined {
  const l = layerOfNodeName(name);
  if (l !== undefined) return l;
  const m = /^layer(\d+)(?!\d)/.exec(name);
  return m ? Number(m[1]) : undefined;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!;
}
