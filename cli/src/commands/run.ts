// cnnshape run MODEL PATH... [--json]: runs the network on images (files, folders, glob patterns) in a
// worker thread and prints each image's top-5 as it is ready, then each layer's shape that ran (beside
// the checker's) and, with --profile, its time; or the JSON of the spec, written as it goes. Memory
// stays bounded whatever the number of images. Exit 1 on a model, weights or image error (the other
// images still run); 2 on bad usage.
import type { Command } from 'commander';
import { t } from '../../../core/src/index';
import { resolve } from 'node:path';
import { RunCancelled, runInWorker } from '../../../runner/src/engine/client';
import { RunnerError } from '../../../runner/src/errors';
import { expandImagePaths } from '../../../runner/src/files/imagePaths';
import { renderImageText, renderRunSummary } from '../../../runner/src/run/renderText';
import { type ImageSink, type PipelineRequest, type PipelineResult } from '../../../runner/src/run/pipeline';
import type { ImageOutput } from '../../../runner/src/run/result';
import { JsonArrayWriter } from '../jsonStream';
import { addEngineOptions, readEngineFlags, runnableModel, type EngineFlags } from '../engineOptions';
import { ProgressBar } from '../progressBar';
import { printErr, printOut, terminalFields, terminalLine, terminalText } from '../terminalText';

interface RunOptions extends EngineFlags {
  json?: boolean;
  profile?: boolean;
}

/** One image in the spec's JSON. */
export function imageJson(o: ImageOutput) {
  return { image: o.image, output: o.output, top: o.top, ...(o.ms !== undefined ? { ms: o.ms } : {}) };
}

/** The spec's JSON after `outputs`: layers, plus the run's errors and warnings. */
export function runJsonRest(r: PipelineResult) {
  return {
    layers: r.layers.map((l) => ({ index: l.index, name: l.name, type: l.type, output: l.output, ms: l.ms })),
    errors: r.errors,
    warnings: r.warnings,
    engine: r.engine,
    ...(r.untrained ? { untrained: r.untrained } : {}),
  };
}

export function registerRun(program: Command): void {
  addEngineOptions(program
    .command('run')
    .description(t('cli.runDescription'))
    .argument('<model>', t('cli.runModel'))
    .argument('<images...>', t('cli.runImages'))
    .option('--json', t('cli.runJson'))
    .option('--profile', t('cli.profileOption')))
    .action(async (modelFile: string, paths: string[], opts: RunOptions) => {
      const { defaultRounding, request: flags } = readEngineFlags(opts);
      const m = runnableModel(modelFile, defaultRounding, 'cli.notRun');
      if (!m) return;
      const { images, problems } = expandImagePaths(paths);
      for (const p of problems) printErr(`${t('cli.errorLine', { message: terminalLine(p.error) })}\n`);
      if (problems.length) process.exitCode = 1;
      if (images.length === 0) return;
      const bar = new ProgressBar();
      const json = opts.json ? new JsonArrayWriter('outputs') : undefined;
      let done = 0;
      const onImage: ImageSink = (o) => {
        done++;
        if (process.stdout.destroyed) return;
        bar.around(() => (json ? json.item(imageJson(o)) : printOut(`${renderImageText(terminalFields(o))}\n`)));
        bar.update(done, images.length, t('cli.progressImages'));
        return outputDrained();
      };
      const request: PipelineRequest = {
        modelFile: resolve(modelFile),
        text: m.analysis.text,
        images,
        ...flags,
        ...(opts.profile ? { profile: true } : {}),
      };
      const result = await runStreaming(request, onImage, bar);
      bar.clear();
      if (process.stdout.destroyed) return;
      if (!result) {
        // Valid JSON even for a run that failed or was interrupted after some images.
        json?.end({ layers: [], errors: [], warnings: [], engine: 'native' });
        return;
      }
      for (const w of result.warnings) printErr(`${t('cli.warningLine', { message: terminalLine(w) })}\n`);
      if (json) json.end(runJsonRest(result));
      else printOut(renderRunSummary(terminalFields(result), terminalLine(m.analysis.model.name ? `${modelFile} (${m.analysis.model.name.value})` : modelFile)));
      for (const e of result.errors) printErr(`${t('cli.errorLine', { message: terminalLine(e.error) })}\n`);
      if (result.errors.length) process.exitCode = 1;
    });
}

/**
 * Undefined while stdout takes what is written; else a promise of its 'drain'. The worker waits for it
 * (engine/replyWindow.ts), so a slow reader (`| less`, a stalled pipe) holds the run back instead of
 * the results piling up in memory.
 */
export function outputDrained(out: NodeJS.WritableStream & { writableNeedDrain: boolean; destroyed: boolean } = process.stdout): Promise<void> | undefined {
  if (!out.writableNeedDrain || out.destroyed) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Runs in the worker with Ctrl-C wired to cancel; undefined (with the message printed) when it failed. */
export function runStreaming(request: PipelineRequest, onImage: ImageSink, bar: ProgressBar): Promise<PipelineResult | undefined> {
  return runCancellable((signal) => runInWorker(request, { signal, onImage }), bar);
}

/** A worker job with Ctrl-C wired to cancel; undefined (with the message printed) when it failed. */
export async function runCancellable<T>(start: (signal: AbortSignal) => Promise<T>, bar: ProgressBar): Promise<T | undefined> {
  // Ctrl-C stops the worker and removes onnxruntime's files (runInWorker) before the process ends.
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  // Ctrl-C, and a polite kill (SIGTERM): the same orderly stop.
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  // The reader went away (`| head`): stop the run, quietly.
  let closed = false;
  const onOutputError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
    if (!cancel.signal.aborted) cancel.abort();
  };
  // Not removed afterwards: the last writes may still fail after the run.
  process.stdout.on('error', onOutputError);
  try {
    return await start(cancel.signal);
  } catch (e) {
    bar.clear();
    if (closed) return undefined;
    if (e instanceof RunCancelled) {
      printErr(`${t('cli.interrupted')}\n`);
      process.exitCode = 130;
      return undefined;
    }
    const user = e instanceof RunnerError && e.user;
    const message = terminalText((e as Error).message);
    printErr(`${user ? `cnnshape: ${message}` : t('cli.runInternalError', { error: message })}\n`);
    process.exitCode = 1;
    return undefined;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    process.removeListener('SIGTERM', onInterrupt);
  }
}
