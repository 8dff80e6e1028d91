// cnnshape check [--json] FILE...: compiler-style diagnostics (file:line:col: severity[code]: message)
// or the JSON of the format spec; exit status 1 when any file has an error.
import type { Command } from 'commander';
import { hasErrors } from '../../../core/src/index';
import { toCliJson } from '../json';
import { loadModel } from '../files';
import { jsonText, printErr, printOut, terminalLine } from '../terminalText';
import { addRoundingOption, roundingOption } from '../options';

export function registerCheck(program: Command): void {
  addRoundingOption(program
    .command('check')
    .description('check model files and report every diagnostic')
    .argument('<files...>', 'model files (*.cnn.yaml, *.cnn.yml, *.cnn.json)')
    .option('--json', 'print the JSON structure of the format spec (0-based LSP positions)'))
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
            printOut(`${file}:${p.line + 1}:${p.character + 1}: ${d.severity}[${d.code}]: ${terminalLine(d.message)}\n`);
            for (const r of d.related ?? []) {
              const q = m.doc.positionAt(r.span.start);
              printOut(`${file}:${q.line + 1}:${q.character + 1}: note: ${terminalLine(r.message)}\n`);
            }
            if (d.severity === 'error') errors++;
            else if (d.severity === 'warning') warnings++;
          }
        }
        printErr(`${loaded.length} file${loaded.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
      }
      if (loaded.some((m) => hasErrors(m.analysis))) process.exitCode = 1;
    });
}
