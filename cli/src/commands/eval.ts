// cnnshape eval MODEL DIR: runs the network on a dataset in the ImageFolder layout (one subfolder per
// class, named as one of the model's labels) and prints accuracy, top-5 accuracy, per-class precision
// and recall and the confusion matrix (text, --json or --csv). Streams: memory does not grow with the
// number of images. Exit 1 on a model, dataset or image error; 2 on bad usage.
import type { Command } from 'commander';
import { t } from '../../../core/src/index';
import { resolve } from 'node:path';
import { isUserError, RunnerError } from '../../../runner/src/errors';
import { errorLines } from '../../../runner/src/onnx/modelErrors';
import { EvaluationAccumulator } from '../../../runner/src/run/evaluation';
import { readImageFolder, type DatasetClass } from '../../../runner/src/run/imageFolder';
import { loadLabels } from '../../../runner/src/run/labels';
import { MAX_BATCH } from '../../../runner/src/run/pipeline';
import { renderEvaluationCsv, renderEvaluationText } from '../../../runner/src/run/renderEvaluation';
import { addRoundingOption, intOption, roundingOption } from '../options';
import { loadModel } from '../files';
import { ProgressBar } from '../progressBar';
import { jsonText, printErr, printOut, terminalFields, terminalLine } from '../terminalText';
import { maxThreads, runStreaming } from './run';

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
    .description(t('cli.evalDescription'))
    .argument('<model>', t('cli.evalModel'))
    .argument('<dir>', t('cli.evalDir'))
    .option('--json', t('cli.evalJson'))
    .option('--csv', t('cli.evalCsv'))
    .option('--weights <file>', t('cli.weightsOption'))
    .option('--seed <n>', t('cli.seedOption'))
    .option('--wasm', t('cli.wasmOption'))
    .option('--threads <n>', t('cli.threadsOption'))
    .option('--batch <n>', t('cli.batchOption', { max: MAX_BATCH })))
    .action(async (modelFile: string, dir: string, opts: EvalOptions) => {
      const seed = intOption('seed', opts.seed, 0);
      const threads = intOption('threads', opts.threads, 1, maxThreads());
      const batchSize = intOption('batch', opts.batch, 1, MAX_BATCH);
      const defaultRounding = roundingOption(opts.rounding);
      const m = loadModel(modelFile, defaultRounding);
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        printErr(`${errors.map(terminalLine).join('\n')}\n${t('cli.notRun', { file: modelFile })}\n`);
        process.exitCode = 1;
        return;
      }
      let classes: DatasetClass[];
      let labels: string[];
      try {
        labels = loadLabels(m.analysis.model, resolve(modelFile)) ?? [];
        classes = readImageFolder(dir, labels, modelFile);
      } catch (e) {
        if (!isUserError(e) && !(e instanceof RunnerError && e.user)) throw e;
        printErr(`cnnshape: ${terminalLine((e as Error).message)}\n`);
        process.exitCode = 1;
        return;
      }
      const images = classes.flatMap((c) => c.images);
      const acc = new EvaluationAccumulator(classes, labels);
      const bar = new ProgressBar();
      let done = 0;
      const result = await runStreaming(
        {
          modelFile: resolve(modelFile),
          text: m.analysis.text,
          ...(defaultRounding ? { defaultRounding } : {}),
          images,
          engine: { ...(opts.wasm ? { forceWasm: true } : {}), ...(threads !== undefined ? { threads } : {}) },
          ...(seed !== undefined ? { seed } : {}),
          ...(opts.weights ? { weightsFile: resolve(opts.weights) } : {}),
          ...(batchSize !== undefined ? { batchSize } : {}),
        },
        (o) => {
          acc.add(o);
          bar.update(++done, images.length, t('cli.progressImages'));
        },
        bar,
      );
      bar.clear();
      if (!result) return;
      for (const w of result.warnings) printErr(`${t('cli.warningLine', { message: terminalLine(w) })}\n`);
      const e = acc.result();
      if (opts.json) process.stdout.write(jsonText({ model: modelFile, dataset: dir, ...e, errors: result.errors, warnings: result.warnings, engine: result.engine, ...(result.untrained ? { untrained: result.untrained } : {}) }));
      else if (opts.csv) printOut(renderEvaluationCsv(terminalFields(e)));
      else printOut(renderEvaluationText(terminalFields(e), terminalLine(t('cli.evalTitle', { model: modelFile, dir }))));
      for (const err of result.errors) printErr(`${t('cli.errorLine', { message: terminalLine(err.error) })}\n`);
      if (result.errors.length) process.exitCode = 1;
    });
}
