// cnnshape eval MODEL DIR: runs the network on a dataset in the ImageFolder layout (one subfolder per
// class, named as one of the model's labels) and prints accuracy, top-5 accuracy, per-class precision
// and recall and the confusion matrix (text, --json or --csv). Streams: memory does not grow with the
// number of images. Exit 1 on a model, dataset or image error; 2 on bad usage.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { t } from '../../../core/src/index';
import { evaluateInWorker } from '../../../runner/src/engine/client';
import { errorLines } from '../../../runner/src/onnx/modelErrors';
import type { EvaluationRequest } from '../../../runner/src/run/evaluate';
import { MAX_BATCH } from '../../../runner/src/run/pipeline';
import { renderEvaluationCsv, renderEvaluationText } from '../../../runner/src/run/renderEvaluation';
import { addRoundingOption, intOption, roundingOption } from '../options';
import { loadModel } from '../files';
import { ProgressBar } from '../progressBar';
import { jsonText, printErr, printOut, terminalFields, terminalLine } from '../terminalText';
import { maxThreads, runCancellable } from './run';

interface EvalOptions {
  json?: boolean;
  csv?: boolean;
  weights?: string;
  seed?: string;
  wasm?: boolean;
  threads?: string;
  rounding?: string;
  batch?: string;
}

export function registerEval(program: Command): void {
  addRoundingOption(program
    .command('eval')
    .description('evaluate the network on a folder of labelled images (one subfolder per class): accuracy, top-5, precision and recall per class, confusion matrix')
    .argument('<model>', 'a model file with `labels:`')
    .argument('<dir>', 'a folder with one subfolder per class, each named as one of the model\'s labels')
    .option('--json', 'print the evaluation as JSON')
    .option('--csv', 'print one CSV row per class: counts, precision, recall and its row of the confusion matrix')
    .option('--weights <file>', 'a .safetensors file to use instead of the model\'s `weights:`')
    .option('--seed <n>', 'seed of the He initialisation for layers without weights (default 1)')
    .option('--wasm', 'use the WebAssembly engine (onnxruntime-web) instead of the native one')
    .option('--threads <n>', 'threads per forward pass, 1 to 4 × the cores (default: every core)')
    .option('--batch <n>', `images per forward pass, 1 to ${MAX_BATCH} (default 8)`))
    .action(async (modelFile: string, dir: string, opts: EvalOptions) => {
      const seed = intOption('seed', opts.seed, 0);
      const threads = intOption('threads', opts.threads, 1, maxThreads());
      const batchSize = intOption('batch', opts.batch, 1, MAX_BATCH);
      const defaultRounding = roundingOption(opts.rounding);
      const m = loadModel(modelFile, defaultRounding);
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        printErr(`${errors.map(terminalLine).join('\n')}\ncnnshape: ${modelFile} has errors: not run\n`);
        process.exitCode = 1;
        return;
      }
      const bar = new ProgressBar();
      const request: EvaluationRequest = {
        modelFile: resolve(modelFile),
        text: m.analysis.text,
        ...(defaultRounding ? { defaultRounding } : {}),
        dataset: dir,
        engine: { ...(opts.wasm ? { forceWasm: true } : {}), ...(threads !== undefined ? { threads } : {}) },
        ...(seed !== undefined ? { seed } : {}),
        ...(opts.weights ? { weightsFile: resolve(opts.weights) } : {}),
        ...(batchSize !== undefined ? { batchSize } : {}),
      };
      const result = await runCancellable((signal) => evaluateInWorker(request, { signal, onCounted: (done, total) => bar.update(done, total, 'images') }), bar);
      bar.clear();
      if (!result) return;
      for (const w of result.warnings) printErr(`warning: ${terminalLine(w)}\n`);
      const { errors: _errors, warnings: _warnings, engine, untrained, ...e } = result;
      if (opts.json) process.stdout.write(jsonText({ model: modelFile, dataset: dir, ...e, errors: result.errors, warnings: result.warnings, engine, ...(untrained ? { untrained } : {}) }));
      else if (opts.csv) printOut(renderEvaluationCsv(terminalFields(e)));
      else printOut(renderEvaluationText(terminalFields(e), terminalLine(t('evaluate.cliTitle', { model: modelFile, dataset: dir }))));
      for (const err of result.errors) printErr(`error: ${terminalLine(err.error)}\n`);
      if (result.errors.length) process.exitCode = 1;
    });
}
