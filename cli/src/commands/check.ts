// cnnshape check [--json] FILE...: compiler-style diagnostics (file:line:col: severity[code]: message)
// or the JSON of the format spec; exit status 1 when any file has an error.
import type { Command } from 'commander';
import { hasErrors, t } from '../../../core/src/index';
import { toCliJson } from '../json';
import { loadModel } from '../files';
import { jsonText, printErr, printOut, terminalLine } from '../terminalText';
import { addRoundingOption, roundingOption } from '../options';

export function registerCheck(program: Command): void {
  addRoundingOption(program
    .command('check')
    .description(t('cli.checkDescription'))
    .argument('<files...>', t('cli.checkFiles'))
    .option('--json', t('cli.checkJson')))
    .action((files: string[], opts: { json?: boolean; rounding?: string }) => {
      const rounding = roundingOption(opts.rounding);
      const loaded = files.map((f) => loadModel(f, rounding));
      if (opts.json) {
        process.stdout.write(jsonText(loaded.map(toCliJson)));
      } else {
        let errors = 0;
        let warnings = 0;
        for (const m of loaded) {
          const file = terminalLine(m.file);
          for (const d of m.analysis.diagnostics) {
            const p = m.doc.positionAt(d.span.start);
            // `severity[code]` and `note` stay as compilers write them, for the editors' problem matchers.
            printOut(`${file}:${p.line + 1}:${p.character + 1}: ${d.severity}[${d.code}]: ${terminalLine(d.message)}\n`);
            for (const r of d.related ?? []) {
              const q = m.doc.positionAt(r.span.start);
              printOut(`${file}:${q.line + 1}:${q.character + 1}: note: ${terminalLine(r.message)}\n`);
            }
            if (d.severity === 'error') errors++;
            else if (d.severity === 'warning') warnings++;
          }
        }
        printErr(`${checkedLine(loaded.length, errors, warnings)}\n`);
      }
      if (loaded.some((m) => hasErrors(m.analysis))) process.exitCode = 1;
    });
}

/** "2 files checked: 1 error, 0 warnings", each count in its singular or plural message. */
function checkedLine(files: number, errors: number, warnings: number): string {
  return t('cli.checkedSummary', {
    files: files === 1 ? t('cli.oneFile') : t('cli.files', { count: files }),
    errors: errors === 1 ? t('cli.oneError') : t('cli.errors', { count: errors }),
    warnings: warnings === 1 ? t('cli.oneWarning') : t('cli.warnings', { count: warnings }),
  });
}
