// The runner's worker thread: owns one onnxruntime session so that inference never blocks the
// thread that asked for it (the CLI's main thread, the editor's extension host). Bundled to
// dist/runnerWorker.js; in tests and development it runs from source through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { pickLocale, setLocale } from '../../../core/src/index';
import { createEngineSession, loadNativeEngine, type EngineSession, type OutputTensor } from './session';
import type { Reply, Request } from './protocol';
import { isUserError } from '../errors';
import { runPipeline, type PipelineRequest, type Progress } from '../run/pipeline';
import { runEvaluation } from '../run/evaluate';
import { PhaseClock, wallNow } from '../run/phases';
import { exerciseEngine, fitsRequest, makeReady, readyKey, type ReadyRun } from '../run/warmStart';
import { reuseHeTensors } from '../weights/heInit';
import { ReplyWindow } from './replyWindow';

/** He tensors kept from one build to the next in a spare worker: ResNet-18's 47 MB fit, larger models are made afresh. */
const HE_REUSE_BYTES = 64 * 1024 * 1024;

if (!parentPort) throw new Error('runner worker: must be started as a worker thread'); // dev-only: a misuse of this file
const port = parentPort;
// This thread's copy of the core starts in English: speak the language of the thread that started it.
setLocale(pickLocale((workerData as { locale?: string } | null)?.locale));

let session: EngineSession | undefined;
/** A run made ready ahead ('warm' with a request), in the making or made; used by the next matching run. */
let ready: Promise<ReadyRun | undefined> | undefined;
/** readyKey() of the request `ready` is for. */
let readyFor: string | undefined;
/** Counts the runs asked to be made ready; a build whose number is no longer the last is stale and stops. */
let readyGeneration = 0;
/** Whether exerciseEngine() has run (once, in a spare worker started before any model was asked for). */
let exercised = false;
/** Set by a 'cancel' message; the pipeline checks it between its steps. */
let cancelled = false;
/** The streamed run's image results not yet handled by the reader ('received' messages). */
let inFlight: ReplyWindow | undefined;

function progressTo(id: number): Progress {
  return (message, fraction) => {
    const p: Reply = { id, ok: true, kind: 'progress', message };
    if (fraction !== undefined) p.fraction = fraction;
    port.postMessage(p);
  };
}

async function handle(req: Request): Promise<{ reply: Reply; transfer: ArrayBuffer[] } | undefined> {
  switch (req.kind) {
    case 'create': {
      if (session) await session.release();
      session = await createEngineSession(req.model, req.options);
      const reply: Reply = { id: req.id, ok: true, kind: 'created', backend: session.backend };
      if (session.notice) reply.notice = session.notice;
      return { reply, transfer: [] };
    }
    case 'run': {
      if (!session) throw new Error('no model loaded'); // dev-only: a 'run' before 'create', a client bug
      const result = await session.run(req.input, req.dims, req.fetch);
      // Copies with their own buffers: onnxruntime's arrays may share one, and those are transferred.
      const outputs: Record<string, OutputTensor> = {};
      const transfer: ArrayBuffer[] = [];
      for (const [k, t] of Object.entries(result)) {
        const data = new Float32Array(t.data);
        outputs[k] = { dims: t.dims, data };
        transfer.push(data.buffer);
      }
      return { reply: { id: req.id, ok: true, kind: 'ran', outputs }, transfer };
    }
    case 'times': {
      const times = session ? session.takeLayerTimes().map((m) => [...m.entries()]) : [];
      return { reply: { id: req.id, ok: true, kind: 'times', times }, transfer: [] };
    }
    case 'warm': {
      loadNativeEngine();
      // A spare worker (the editor's): the next build, often an edit of this one, takes the layers it left unchanged.
      reuseHeTensors(HE_REUSE_BYTES);
      if (!req.request && !exercised) {
        exercised = true;
        await exerciseEngine().catch(() => undefined);
      }
      const key = req.request ? readyKey(req.request) : undefined;
      if (req.request && (key !== readyFor || !ready)) {
        readyFor = key;
        ready = replaceReady(ready, req.request);
      }
      const made = ready ? await ready : undefined;
      return { reply: { id: req.id, ok: true, kind: 'warmed', ready: made !== undefined }, transfer: [] };
    }
    case 'pipeline': {
      const clock = new PhaseClock();
      // The request is here: for a worker started by this run, its start; for a spare, the command's own
      // steps before it (the editor asks its language server about the text) and the message.
      const received = wallNow();
      clock.mark('worker', received);
      // A session in the making for another model version is not waited for.
      const mine = ready && readyFor === readyKey(req.request) ? ready : undefined;
      if (ready && !mine) {
        readyGeneration++;
        void ready.then((r) => r?.session.release());
      }
      ready = undefined;
      readyFor = undefined;
      const taken = mine ? await mine : undefined;
      const usable = taken && fitsRequest(taken, req.request) ? taken : undefined;
      if (taken && !usable) await taken.session.release();
      // The steps of the session made ahead that this run waited for (it came while they were under way).
      for (const m of usable?.marks ?? []) if (m.at > received) clock.mark(m.phase, m.at);
      const window = req.stream ? new ReplyWindow() : undefined;
      inFlight = window;
      try {
        const result = await runPipeline(
          req.request,
          req.quiet ? undefined : progressTo(req.id),
          () => cancelled,
          window
            ? (output, extras) => {
                port.postMessage({ id: req.id, ok: true, kind: 'image', output, extras } satisfies Reply);
                return window.sent();
              }
            : undefined,
          clock,
          usable,
        );
        return { reply: { id: req.id, ok: true, kind: 'pipeline', result }, transfer: [] };
      } finally {
        inFlight = undefined;
      }
    }
    case 'received': {
      inFlight?.received(req.count);
      return undefined;
    }
    case 'evaluate': {
      const counted = (done: number, total: number) => port.postMessage({ id: req.id, ok: true, kind: 'counted', done, total } satisfies Reply);
      const result = await runEvaluation(req.request, progressTo(req.id), () => cancelled, counted);
      return { reply: { id: req.id, ok: true, kind: 'evaluation', result }, transfer: [] };
    }
    case 'cancel':
      // Answered by the pipeline, which stops at its next step (also when it waits for the reader).
      cancelled = true;
      inFlight?.release();
      return undefined;
    case 'release': {
      if (session) await session.release();
      session = undefined;
      return { reply: { id: req.id, ok: true, kind: 'released' }, transfer: [] };
    }
  }
}

/**
 * Makes `request` ready once the run made ready before (`previous`) is released: one prepared model at a
 * time (each holds its weights in onnxruntime). A build in progress for an older request stops at its
 * next step (warmStart.ts), so a quick series of edits builds only the last.
 */
function replaceReady(previous: Promise<ReadyRun | undefined> | undefined, request: PipelineRequest): Promise<ReadyRun | undefined> {
  const generation = ++readyGeneration;
  const stale = () => generation !== readyGeneration;
  return (async () => {
    const old = await previous;
    await old?.session.release();
    return stale() ? undefined : makeReady(request, new PhaseClock(), stale);
  })().catch(() => undefined);
}

port.on('message', (req: Request) => {
  if (req.locale) setLocale(req.locale);
  handle(req).then(
    (answer) => answer && port.postMessage(answer.reply, answer.transfer),
    (e: unknown) =>
      port.postMessage({
        id: req.id,
        ok: false,
        error: isUserError(e) ? (e as Error).message : String((e as Error)?.stack ?? e),
        errorKind: isUserError(e) ? 'user' : 'internal',
      } satisfies Reply),
  );
});
