// cnnshape: the command-line face of the core (check, summary, layers, graph), the runner (run, export) and the
// language server (lsp --stdio). Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check';
import { UsageError } from './errors';
import { registerSummary } from './commands/summary';
import { registerRun } from './commands/run';
import { registerExport } from './commands/export';
import { registerLsp } from './commands/lsp';
import { registerLayers } from './commands/layers';
import { registerGraph } from './commands/graph';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('cnnshape')
    .description('Shapes, checks and runs convolutional networks described in *.cnn.yaml / *.cnn.json files.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCheck(program);
  registerSummary(program);
  registerRun(program);
  registerExport(program);
  registerLayers(program);
  registerGraph(program);
  registerLsp(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; a bad flag or a missing argument is exit status 2.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`cnnshape: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`cnnshape: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // main() turns every error into an exit status; the catch is for a failure in that handling itself.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cnnshape: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
