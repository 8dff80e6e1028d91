// cnnshape eval MODEL DIR: runs the network on a dataset in the ImageFolder layout (one subfolder per
// class, named as one of the model's labels) and prints accuracy, top-5 accuracy, per-class precision
// and recall and the confusion matrix (text, --json or --csv). Streams: memory does not grow with the
// number of images. Exit 1 on a model, dataset or image error; 2 on bad usage.
import type { Command } from 'commander';
import { t } from '../../../core/src/index';
import { resolve } from 'node:path';
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
    .description(t('evaluate.cliHelp'))
    .argument('<model>', t('evaluate.cliHelpModel'))
    .argument('<dir>', t('evaluate.cliHelpDir'))
    .option('--json', t('evaluate.cliHelpJson'))
    .option('--csv', t('evaluate.cliHelpCsv'))
    .option('--weights <file>', t('evaluate.cliHelpWeights'))
    .option('--seed <n>', t('evaluate.cliHelpSeed'))
    .option('--wasm', t('evaluate.cliHelpWasm'))
    .option('--threads <n>', t('evaluate.cliHelpThreads'))
    .option('--batch <n>', t('evaluate.cliHelpBatch', { max: MAX_BATCH })))
    .action(async (modelFile: string, dir: string, opts: EvalOptions) => {
      const seed = intOption('seed', opts.seed, 0);
      const threads = intOption('threads', opts.threads, 1, maxThreads());
      const batchSize = intOption('batch', opts.batch, 1, MAX_BATCH);
      const defaultRounding = roundingOption(opts.rounding);
      const m = loadModel(modelFile, defaultRounding);
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        printErr(`${errors.map(terminalLine).join('\n')}\n${t('evaluate.cliNotRun', { file: modelFile })}\n`);
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
      const result = await runCancellable((signal) => evaluateInWorker(request, { signal, onCounted: (done, total) => bar.update(done, total, t('cli.progressImages')) }), bar);
      bar.clear();
      if (!result) return;
      for (const w of result.warnings) printErr(`${t('cli.warningLine', { message: terminalLine(w) })}\n`);
      const { errors: _errors, warnings: _warnings, engine, untrained, ...e } = result;
      if (opts.json) process.stdout.write(jsonText({ model: modelFile, dataset: dir, ...e, errors: result.errors, warnings: result.warnings, engine, ...(untrained ? { untrained } : {}) }));
      else if (opts.csv) printOut(renderEvaluationCsv(terminalFields(e)));
      else printOut(renderEvaluationText(terminalFields(e), terminalLine(t('evaluate.cliTitle', { model: modelFile, dataset: dir }))));
      for (const err of result.errors) printErr(`${t('cli.errorLine', { message: terminalLine(err.error) })}\n`);
      if (result.errors.length) process.exitCode = 1;
    });
}
