// Runs a model in a worker thread (worker.ts): the caller's thread stays free while onnxruntime works.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Counted, EvaluationRequest, EvaluationRun } from '../run/evaluate';
import type { ImageSink, PipelineRequest, PipelineResult, Progress } from '../run/pipeline';
import type { Reply, Request } from './protocol';
import type { Backend, EngineOptions, LayerTimes, OutputTensor } from './session';
import { RunnerError } from '../errors';
import { readyKey } from '../run/readyKey';
import { RECEIVED_EVERY } from './replyWindow';
import { makeScratchDir } from './scratch';
import { getLocale, t } from '../../../core/src/index';

export interface WorkerOptions {
  /** The worker script; default: runnerWorker.js next to the bundle, or worker.ts through tsx. */
  workerPath?: string;
}

type Pending = { resolve: (r: Reply) => void; reject: (e: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function resolveWorkerScript(opts: WorkerOptions = {}): string {
  const explicit = opts.workerPath ?? process.env['CNNSHAPE_RUNNER_WORKER'];
  if (explicit) return explicit;
  // __filename, not __dirname: tsx sets only the former when an ES module imports this file.
  const here = dirname(__filename);
  for (const candidate of [join(here, 'runnerWorker.js'), join(here, 'worker.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`the runner's worker script was not found next to ${here} (build with npm run build)`); // dev-only: a broken build or checkout, not a user's input
}

/**
 * onnxruntime-node (1.2x on Linux) starts Microsoft telemetry that leaves mat-debug-<pid>.log and .ses
 * files in $TMPDIR on every run. It reads ORT_DISABLE_TELEMETRY from the process environment when the
 * library starts: set on the main thread before a worker loads it (a worker's process.env is its own copy),
 * and by session.ts before loading it on the current thread.
 */
export function disableOrtTelemetry(): void {
  process.env['ORT_DISABLE_TELEMETRY'] ??= '1';
}

/**
 * The worker allocates a little per image (arrays, decoded pixels) at a high rate, and V8 answers a high
 * rate by growing the young generation towards 3 × 16 MB and keeping it: the RSS of a run of 10,000
 * images then ends some 20 MB above that of 100 images although nothing is retained. A young generation
 * of 3 MB keeps the peak flat (tensors are ArrayBuffers, outside it) at no measurable cost in speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 };

/** A .ts worker (tests, development) is loaded through tsx's require hook; Node 20 cannot start it directly. */
function startWorker(file: string): Worker {
  disableOrtTelemetry(); // in the real process environment, which the worker's onnxruntime reads
  // The worker's own copy of the core starts in English: it is told this thread's language (and again with each message).
  const workerData = { locale: getLocale() };
  if (!file.endsWith('.ts')) return new Worker(file, { resourceLimits: WORKER_LIMITS, workerData });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, resourceLimits: WORKER_LIMITS, workerData });
}

export class RunnerEngine {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private dead: Error | undefined;
  private backendName: Backend = 'native';
  private noticeText: string | undefined;

  private constructor(private readonly worker: Worker) {
    this.listen();
  }

  /** The engine that loaded the model: native onnxruntime or the WebAssembly fallback. */
  get backend(): Backend {
    return this.backendName;
  }

  /** Why the fallback is used, if it is. */
  get notice(): string | undefined {
    return this.noticeText;
  }

  /** Starts a worker and loads the model in it. */
  static async start(model: Uint8Array, options: EngineOptions = {}, workerOptions: WorkerOptions = {}): Promise<RunnerEngine> {
    const worker = startWorker(resolveWorkerScript(workerOptions));
    const engine = new RunnerEngine(worker);
    try {
      const reply = await engine.request({ kind: 'create', model, options });
      if (reply.kind !== 'created') throw new Error('runner worker: unexpected reply'); // dev-only: a protocol bug
      engine.backendName = reply.backend;
      engine.noticeText = reply.notice;
      return engine;
    } catch (e) {
      await worker.terminate();
      throw e;
    }
  }

  private listen(): void {
    this.worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r);
      else p.reject(new RunnerError(r.error, r.errorKind === 'user'));
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', (e) => fail(new Error(t('runnerErrors.workerFailed', { message: e.message }))));
    this.worker.on('exit', (code) => fail(new Error(t('runnerErrors.workerExited', { code }))));
  }

  private request(req: DistributiveOmit<Request, 'id'>, transfer: ArrayBuffer[] = []): Promise<Reply & { ok: true }> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: Reply) => void, reject });
      this.worker.postMessage({ ...req, id, locale: getLocale() }, transfer);
    });
  }

  /** One forward pass; `input` is copied, not detached. */
  async run(input: Float32Array, dims: number[], fetch?: string[]): Promise<Record<string, OutputTensor>> {
    const copy = new Float32Array(input);
    const req: DistributiveOmit<Request, 'id'> = fetch ? { kind: 'run', input: copy, dims, fetch } : { kind: 'run', input: copy, dims };
    const reply = await this.request(req, [copy.buffer]);
    if (reply.kind !== 'ran') throw new Error('runner worker: unexpected reply'); // dev-only: a protocol bug
    return reply.outputs;
  }

  /** Per-layer times of each run so far (profiled sessions only); ends profiling. */
  async layerTimes(): Promise<LayerTimes[]> {
    const reply = await this.request({ kind: 'times' });
    if (reply.kind !== 'times') throw new Error('runner worker: unexpected reply'); // dev-only: a protocol bug
    return reply.times.map((entries) => new Map(entries));
  }

  /** Releases the session and stops the worker. */
  async close(): Promise<void> {
    if (!this.dead) {
      try {
        await this.request({ kind: 'release' });
      } catch {
        // The worker is going away anyway.
      }
    }
    this.dead ??= new Error('runner engine closed'); // dev-only: a call after close(), a caller's bug
    await this.worker.terminate();
  }
}

export interface PipelineCallOptions extends WorkerOptions {
  onProgress?: Progress;
  /** Each image's result as soon as it is ready; the final result then holds no per-image outputs. */
  onImage?: ImageSink;
  /** Aborting stops the worker at once, even in the middle of a forward pass. */
  signal?: AbortSignal;
}

export class RunCancelled extends Error {
  constructor() {
    super(t('runnerErrors.cancelled'));
  }
}

/**
 * Runs the whole pipeline (weights, graph, images, inference) in a fresh worker thread (the spare one
 * when prewarmRunner started it). onnxruntime's files (profiles) go to a folder of this run's own,
 * removed when the worker has stopped, also when the run is cancelled (the CLI cancels on Ctrl-C).
 */
export function runInWorker(request: PipelineRequest, opts: PipelineCallOptions = {}): Promise<PipelineResult> {
  let handled = 0;
  return workerJob<PipelineResult>(
    // No progress messages nobody listens to (the CLI): one per image otherwise.
    (scratchDir) => ({ id: 1, kind: 'pipeline', request: { ...request, engine: { ...request.engine, scratchDir } }, ...(opts.onImage ? { stream: true } : {}), ...(opts.onProgress ? {} : { quiet: true }) }),
    (r, send) => {
      if (r.kind === 'image') {
        // Counted once handled: a sink that returns a promise (a page still showing it) is waited for.
        const done = () => {
          if (++handled % RECEIVED_EVERY === 0) send({ id: 3, kind: 'received', count: handled });
        };
        const showing = opts.onImage?.(r.output, r.extras);
        if (showing) void showing.then(done, done);
        else done();
      }
      return r.kind === 'pipeline' ? { result: r.result } : undefined;
    },
    opts,
    request,
  );
}

export interface EvaluationCallOptions extends WorkerOptions {
  onProgress?: Progress;
  /** After each image: how many of the dataset's images ran. */
  onCounted?: Counted;
  signal?: AbortSignal;
}

/** An evaluation on an ImageFolder dataset (run/evaluate.ts) in a fresh worker thread, as runInWorker. */
export function evaluateInWorker(request: EvaluationRequest, opts: EvaluationCallOptions = {}): Promise<EvaluationRun> {
  return workerJob<EvaluationRun>(
    (scratchDir) => ({ id: 1, kind: 'evaluate', request: { ...request, engine: { ...request.engine, scratchDir } } }),
    (r) => {
      if (r.kind === 'counted') opts.onCounted?.(r.done, r.total);
      return r.kind === 'evaluation' ? { result: r.result } : undefined;
    },
    opts,
  );
}

/**
 * One job (message id 1) in a worker with a scratch folder of its own. `onReply` sees each successful
 * reply but 'progress' and returns the result when the reply is the final one. A pipeline run
 * (`pipeline`) takes the spare worker if there is one and has the next made ready for the same request;
 * an evaluation starts its own.
 */
function workerJob<T>(
  message: (scratchDir: string) => Request,
  onReply: (r: Reply & { ok: true }, send: (req: Request) => void) => { result: T } | undefined,
  opts: { signal?: AbortSignal; onProgress?: Progress } & WorkerOptions,
  pipeline?: PipelineRequest,
): Promise<T> {
  if (opts.signal?.aborted) return Promise.reject(new RunCancelled());
  const taken = pipeline ? takeSpare(opts) : undefined;
  const worker = taken?.worker ?? startWorker(resolveWorkerScript(opts));
  const scratchDir = taken?.scratchDir ?? makeScratchDir();
  const removeScratch = () => rmSync(scratchDir, { recursive: true, force: true });
  const ended = runStarted();
  const stop = () => {
    void worker.terminate().then(removeScratch, removeScratch);
    // The next run finds a worker ready too, made ready for this same model version (or the one asked for meanwhile).
    ended(taken && pipeline ? { request: pipeline, opts } : undefined);
  };
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    /** Cancelled: waiting for the worker to reach a step where it can be stopped. */
    let stopping = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      stop();
      f();
    };
    // Terminating the worker while onnxruntime-node runs a session aborts the whole process (its
    // completion callback throws into a torn-down environment): the caller hears "cancelled" at once,
    // and the worker is stopped when it answers, after the forward pass in progress.
    const onAbort = () => {
      if (settled) return;
      settled = true;
      stopping = true;
      opts.signal?.removeEventListener('abort', onAbort);
      worker.postMessage({ id: 2, kind: 'cancel', locale: getLocale() } satisfies Request);
      reject(new RunCancelled());
    };
    opts.signal?.addEventListener('abort', onAbort);
    worker.on('message', (r: Reply) => {
      if (stopping) {
        // Only the final answer: 'progress', 'image' and 'counted' come while the worker may still be running a pass.
        if (!r.ok || r.kind === 'pipeline' || r.kind === 'evaluation') stop();
      } else if (!r.ok) finish(() => reject(new RunnerError(r.error, r.errorKind === 'user')));
      else if (r.kind === 'progress') opts.onProgress?.(r.message, r.fraction);
      else {
        const done = onReply(r, (req) => worker.postMessage({ ...req, locale: getLocale() } satisfies Request));
        if (done) finish(() => resolve(done.result));
      }
    });
    worker.on('error', (e) => finish(() => reject(new RunnerError(t('runnerErrors.workerFailed', { message: e.message }), false))));
    worker.on('exit', (code) => {
      removeScratch();
      // A cancelled run whose worker ended without answering is over too (no-op if counted out already).
      ended();
      finish(() => reject(new RunnerError(t('runnerErrors.workerExited', { code }), false)));
    });
    worker.postMessage({ ...message(scratchDir), locale: getLocale() } satisfies Request);
  });
}

interface Spare {
  worker: Worker;
  script: string;
  scratchDir: string;
  /** readyKey() of the request it was last asked to make ready. */
  key: string | undefined;
}

/** One worker started ahead (prewarmRunner), taken by the next runInWorker. */
let spare: Spare | undefined;

function takeSpare(opts: WorkerOptions): Spare | undefined {
  const s = spare;
  spare = undefined;
  if (s && s.script !== scriptOrUndefined(opts)) {
    void s.worker.terminate().then(() => rmSync(s.scratchDir, { recursive: true, force: true }));
    return undefined;
  }
  s?.worker.ref();
  return s;
}

/**
 * Starts a worker now and loads onnxruntime in it, so that the next run does not wait for either; with a
 * request, the worker also builds that run's session (only the images are missing). Repeated calls with
 * the same request do nothing; a new request replaces the session made for the last. Errors are silent:
 * the run itself reports them. Returns a promise of whether a session was made (for tests).
 */
export function prewarmRunner(request?: PipelineRequest, opts: WorkerOptions = {}): Promise<boolean> {
  prewarmAsks++;
  if (runsInFlight > 0) {
    // Building a session now would take the cores from the run in progress (two builds at once made a
    // cold first run in the editor 3× slower): the latest request is made ready when the runs have ended.
    deferred ??= deferral();
    if (request || !deferred.request) deferred.request = request;
    deferred.opts = opts;
    lastWarm = deferred.outcome;
    return lastWarm;
  }
  lastWarm = warmSpare(request, opts);
  return lastWarm;
}

/** The last prewarmRunner's outcome: whether the spare worker has a session made ahead. */
export function spareReady(): Promise<boolean> {
  return lastWarm;
}

/** Sends the spare (started if need be) the request to make ready, unless it has it already. */
function warmSpare(request: PipelineRequest | undefined, opts: WorkerOptions): Promise<boolean> {
  const key = request ? readyKey(request) : undefined;
  if (!spare || (key !== undefined && spare.key !== key)) spareWarm = warm(request, key, opts);
  return spareWarm;
}

/** What prewarmRunner returns (for tests): the spare's last outcome, or that of a request deferred until the runs end. */
let lastWarm: Promise<boolean> = Promise.resolve(false);
/** The outcome of the last request sent to the spare worker. */
let spareWarm: Promise<boolean> = Promise.resolve(false);
let exitHooked = false;

/** Calls of prewarmRunner so far. */
let prewarmAsks = 0;
/** Pipeline runs and evaluations in progress; no session is built ahead meanwhile. */
let runsInFlight = 0;

interface Deferred {
  request: PipelineRequest | undefined;
  opts: WorkerOptions;
  outcome: Promise<boolean>;
  settle: (made: Promise<boolean>) => void;
}

/** A prewarm asked for during a run: only the latest is kept. */
let deferred: Deferred | undefined;

function deferral(): Deferred {
  let settle: (made: Promise<boolean>) => void = () => {};
  const outcome = new Promise<boolean>((resolve) => (settle = resolve));
  return { request: undefined, opts: {}, outcome, settle };
}

/** Counts a run in; the function returned counts it out (once) and then prewarms what is due: the request deferred during the runs, else `again`. */
function runStarted(): (again?: { request: PipelineRequest; opts: WorkerOptions }) => void {
  runsInFlight++;
  let counted = true;
  return (again) => {
    if (!counted) return;
    counted = false;
    runsInFlight--;
    if (runsInFlight > 0) return;
    const next = deferred ?? again;
    const d = deferred;
    deferred = undefined;
    if (!next) return;
    const asks = prewarmAsks;
    // After the run's own reply has been handled; unless a prewarm has been asked for since, which wins.
    setTimeout(() => {
      if (prewarmAsks !== asks) {
        d?.settle(spareWarm);
        return;
      }
      // Deferred again if another run has started meanwhile.
      const made = prewarmRunner(next.request, next.opts);
      d?.settle(made);
    }, 0).unref();
  };
}

function warm(request: PipelineRequest | undefined, key: string | undefined, opts: WorkerOptions): Promise<boolean> {
  if (!spare) {
    const script = scriptOrUndefined(opts);
    if (!script) return Promise.resolve(false);
    const worker = startWorker(script);
    const s: Spare = { worker, script, scratchDir: makeScratchDir(), key: undefined };
    // A process may end with its spare still running (the spare does not keep it alive): its folder goes too.
    if (!exitHooked) {
      exitHooked = true;
      process.once('exit', () => {
        if (spare) rmSync(spare.scratchDir, { recursive: true, force: true });
      });
    }
    // A spare must not keep the process (the CLI, a test) alive, and one that dies is forgotten.
    worker.unref();
    worker.on('error', () => {
      if (spare === s) spare = undefined;
    });
    worker.on('exit', () => {
      if (spare === s) spare = undefined;
      rmSync(s.scratchDir, { recursive: true, force: true });
    });
    spare = s;
  }
  const s = spare;
  s.key = key;
  const id = nextWarmId++;
  return new Promise<boolean>((resolve) => {
    const onMessage = (r: Reply) => {
      if (r.id !== id) return;
      s.worker.off('message', onMessage);
      resolve(r.ok && r.kind === 'warmed' && r.ready);
    };
    s.worker.on('message', onMessage);
    s.worker.once('exit', () => resolve(false));
    const warm: Request = request ? { id, kind: 'warm', request: { ...request, engine: { ...request.engine, scratchDir: s.scratchDir } } } : { id, kind: 'warm' };
    s.worker.postMessage({ ...warm, locale: getLocale() } satisfies Request);
  });
}

function scriptOrUndefined(opts: WorkerOptions): string | undefined {
  try {
    return resolveWorkerScript(opts);
  } catch {
    return undefined;
  }
}

/** Stops the spare worker, if any (the extension's deactivation). */
export async function stopSpareRunner(): Promise<void> {
  const s = spare;
  spare = undefined;
  deferred?.settle(Promise.resolve(false));
  deferred = undefined;
  if (s) await s.worker.terminate();
}

/** Ids of 'warm' messages: apart from a run's (1 and 2), which the worker answers after taking over. */
let nextWarmId = 1000;
