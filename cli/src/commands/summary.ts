// cnnshape summary FILE: the torchinfo / Keras summary() table of a model, with totals.
import type { Command } from 'commander';
import { hasErrors, t } from '../../../core/src/index';
import { renderSummaryText, summarize } from '../../../core/src/index';
import { loadModel } from '../files';
import { jsonText, printOut, terminalFields } from '../terminalText';
import { addRoundingOption, roundingOption } from '../options';

export function registerSummary(program: Command): void {
  addRoundingOption(program
    .command('summary')
    .description(t('cli.summaryDescription'))
    .argument('<file>', t('cli.aModelFile'))
    .option('--json', t('cli.summaryJson')))
    .action((file: string, opts: { json?: boolean; rounding?: string }) => {
      const m = loadModel(file, roundingOption(opts.rounding));
      const s = summarize(m.analysis, m.analysis.model.name?.value ?? file);
      if (opts.json) process.stdout.write(jsonText(s));
      else printOut(renderSummaryText(terminalFields(s)));
      if (hasErrors(m.analysis)) process.exitCode = 1;
    });
}
