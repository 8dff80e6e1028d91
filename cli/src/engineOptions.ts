// The options `cnnshape run` and `cnnshape eval` share (which weights, the seed of the He initialisation,
// the engine, the batch size and the rounding): declared once, read once, and the runnable model they
// both load (a model with errors is reported and not run).
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { t, type MessageId, type Rounding } from '../../core/src/index';
import { errorLines } from '../../runner/src/onnx/modelErrors';
import { MAX_BATCH, type PipelineRequest } from '../../runner/src/run/pipeline';
import { loadModel } from './files';
import { addRoundingOption, intOption, roundingOption } from './options';
import { printErr, terminalLine } from './terminalText';

export interface EngineFlags {
  weights?: string;
  seed?: string;
  wasm?: boolean;
  threads?: string;
  rounding?: string;
  batch?: string;
}

/** More threads than 4 per core only slow a run down (and 100000 would exhaust the process). */
export function maxThreads(): number {
  return availableParallelism() * 4;
}

/** `--weights`, `--seed`, `--wasm`, `--threads`, `--batch` and `--rounding` on `command`. */
export function addEngineOptions(command: Command): Command {
  return addRoundingOption(
    command
      .option('--weights <file>', t('cli.weightsOption'))
      .option('--seed <n>', t('cli.seedOption'))
      .option('--wasm', t('cli.wasmOption'))
      .option('--threads <n>', t('cli.threadsOption'))
      .option('--batch <n>', t('cli.batchOption', { max: MAX_BATCH })),
  );
}

/** What the flags ask of the worker: the part of a run or evaluation request they decide. */
export type EngineRequest = Pick<PipelineRequest, 'defaultRounding' | 'engine' | 'seed' | 'weightsFile' | 'batchSize'>;

/** The flags checked (a bad value is a usage error) and turned into the request's part. */
export function readEngineFlags(opts: EngineFlags): { defaultRounding: Rounding | undefined; request: EngineRequest } {
  const seed = intOption('seed', opts.seed, 0);
  const threads = intOption('threads', opts.threads, 1, maxThreads());
  const batchSize = intOption('batch', opts.batch, 1, MAX_BATCH);
  const defaultRounding = roundingOption(opts.rounding);
  return {
    defaultRounding,
    request: {
      ...(defaultRounding ? { defaultRounding } : {}),
      engine: { ...(opts.wasm ? { forceWasm: true } : {}), ...(threads !== undefined ? { threads } : {}) },
      ...(seed !== undefined ? { seed } : {}),
      ...(opts.weights ? { weightsFile: resolve(opts.weights) } : {}),
      ...(batchSize !== undefined ? { batchSize } : {}),
    },
  };
}

/** The model's text when it can run; else its errors and `notRun` are printed, exit status 1, undefined. */
export function runnableModel(modelFile: string, defaultRounding: Rounding | undefined, notRun: MessageId): ReturnType<typeof loadModel> | undefined {
  const m = loadModel(modelFile, defaultRounding);
  const errors = errorLines(m.analysis, modelFile);
  if (errors.length === 0) return m;
  printErr(`${errors.map(terminalLine).join('\n')}\n${t(notRun, { file: modelFile })}\n`);
  process.exitCode = 1;
  return undefined;
}
