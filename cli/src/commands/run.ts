// cnnshape run MODEL IMAGE... [--json]: runs the network on images in a worker thread and prints the
// top-5 per image and each layer's shape that ran (beside the checker's) with its time, or the JSON of
// the spec. Exit 1 on a model, weights or image error (the other images still run); 2 on bad usage.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { RunCancelled, runInWorker } from '../../../runner/src/engine/client';
import { RunnerError } from '../../../runner/src/errors';
import { errorLines } from '../../../runner/src/onnx/modelErrors';
import { renderRunText } from '../../../runner/src/run/renderText';
import type { PipelineResult } from '../../../runner/src/run/pipeline';
import { addRoundingOption, intOption, roundingOption } from '../options';
import { loadModel } from '../files';
import { jsonText, printErr, printOut, terminalFields, terminalLine } from '../terminalText';

interface RunOptions {
  json?: boolean;
  weights?: string;
  seed?: string;
  wasm?: boolean;
  threads?: string;
  rounding?: string;
}

/** More threads than 4 per core only slow a run down (and 100000 would exhaust the process). */
export function maxThreads(): number {
  return availableParallelism() * 4;
}

/** The spec's JSON: outputs and layers, plus the run's errors and warnings. */
export function runJson(r: PipelineResult) {
  return {
    outputs: r.outputs.map((o) => ({ image: o.image, output: o.output, top: o.top, ...(o.ms !== undefined ? { ms: o.ms } : {}) })),
    layers: r.layers.map((l) => ({ index: l.index, name: l.name, type: l.type, output: l.output, ms: l.ms })),
    errors: r.errors,
    warnings: r.warnings,
    engine: r.engine,
    ...(r.untrained ? { untrained: r.untrained } : {}),
  };
}

export function registerRun(program: Command): void {
  addRoundingOption(program
    .command('run')
    .description('run the network on PNG/JPEG images: top-5 per image, the shape each layer produced, time per layer')
    .argument('<model>', 'a model file (*.cnn.yaml, *.cnn.yml, *.cnn.json)')
    .argument('<images...>', 'PNG or JPEG files')
    .option('--json', 'print the runner JSON of the format spec')
    .option('--weights <file>', 'a .safetensors file to use instead of the model\'s `weights:`')
    .option('--seed <n>', 'seed of the He initialisation for layers without weights (default 1)')
    .option('--wasm', 'use the WebAssembly engine (onnxruntime-web) instead of the native one')
    .option('--threads <n>', 'threads per forward pass, 1 to 4 × the cores (default: every core)'))
    .action(async (modelFile: string, images: string[], opts: RunOptions) => {
      const seed = intOption('seed', opts.seed, 0);
      const threads = intOption('threads', opts.threads, 1, maxThreads());
      const defaultRounding = roundingOption(opts.rounding);
      const m = loadModel(modelFile, defaultRounding);
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        printErr(`${errors.map(terminalLine).join('\n')}\ncnnshape: ${modelFile} has errors: not run\n`);
        process.exitCode = 1;
        return;
      }
      let result: PipelineResult;
      // Ctrl-C stops the worker and removes onnxruntime's files (runInWorker) before the process ends.
      const cancel = new AbortController();
      const onInterrupt = () => cancel.abort();
      process.once('SIGINT', onInterrupt);
      try {
        result = await runInWorker({
          modelFile: resolve(modelFile),
          text: m.analysis.text,
          ...(defaultRounding ? { defaultRounding } : {}),
          images,
          engine: { ...(opts.wasm ? { forceWasm: true } : {}), ...(threads !== undefined ? { threads } : {}) },
          ...(seed !== undefined ? { seed } : {}),
          ...(opts.weights ? { weightsFile: resolve(opts.weights) } : {}),
        }, { signal: cancel.signal });
      } catch (e) {
        if (e instanceof RunCancelled) {
          printErr('cnnshape: interrupted\n');
          process.exitCode = 130;
          return;
        }
        const user = e instanceof RunnerError && e.user;
        printErr(`cnnshape: ${user ? '' : 'internal error: '}${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      } finally {
        process.removeListener('SIGINT', onInterrupt);
      }
      for (const w of result.warnings) printErr(`warning: ${terminalLine(w)}\n`);
      if (opts.json) process.stdout.write(jsonText(runJson(result)));
      else printOut(renderRunText(terminalFields(result), terminalLine(m.analysis.model.name ? `${modelFile} (${m.analysis.model.name.value})` : modelFile)));
      for (const e of result.errors) printErr(`error: ${terminalLine(e.error)}\n`);
      if (result.errors.length) process.exitCode = 1;
    });
}
