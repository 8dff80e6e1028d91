// cnnshape eval MODEL DIR: runs the network on a dataset in the ImageFolder layout (one subfolder per
// class, named as one of the model's labels) and prints accuracy, top-5 accuracy, per-class precision
// and recall and the confusion matrix (text, --json or --csv). Streams: memory does not grow with the
// number of images. Exit 1 on a model, dataset or image error; 2 on bad usage.
import type { Command } from 'commander';
import { t } from '../../../core/src/index';
import { resolve } from 'node:path';
import { evaluateInWorker } from '../../../runner/src/engine/client';
import type { EvaluationRequest } from '../../../runner/src/run/evaluate';
import { renderEvaluationCsv, renderEvaluationText } from '../../../runner/src/run/renderEvaluation';
import { addEngineOptions, readEngineFlags, runnableModel, type EngineFlags } from '../engineOptions';
import { ProgressBar } from '../progressBar';
import { jsonText, printErr, printOut, terminalFields, terminalLine } from '../terminalText';
import { runCancellable } from './run';

interface EvalOptions extends EngineFlags {
  json?: boolean;
  csv?: boolean;
}

export function registerEval(program: Command): void {
  addEngineOptions(program
    .command('eval')
    .description(t('evaluate.cliHelp'))
    .argument('<model>', t('evaluate.cliHelpModel'))
    .argument('<dir>', t('evaluate.cliHelpDir'))
    .option('--json', t('evaluate.cliHelpJson'))
    .option('--csv', t('evaluate.cliHelpCsv')))
    .action(async (modelFile: string, dir: string, opts: EvalOptions) => {
      const { defaultRounding, request: flags } = readEngineFlags(opts);
      const m = runnableModel(modelFile, defaultRounding, 'evaluate.cliNotRun');
      if (!m) return;
      const bar = new ProgressBar();
      const request: EvaluationRequest = {
        modelFile: resolve(modelFile),
        text: m.analysis.text,
        dataset: dir,
        ...flags,
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
