// cnnshape: the command-line face of the core (check, summary, layers, graph), the runner (run, export) and the
// language server (lsp --stdio). Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check';
import { UsageError } from './errors';
import { registerSummary } from './commands/summary';
import { registerRun } from './commands/run';
import { registerEval } from './commands/eval';
import { registerExport } from './commands/export';
import { registerLsp } from './commands/lsp';
import { registerLayers } from './commands/layers';
import { printErr, printOut } from './terminalText';
import { registerGraph } from './commands/graph';
import { langOption, localeFromArgs } from './lang';
import { localeFromEnv, setLocale, t } from '../../core/src/index';
import { helpTitle, translateCommanderMessage } from './commanderText';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('cnnshape')
    .description(t('cli.description'))
    .version('0.1.0', '-V, --version', t('cli.versionOption'))
    .helpOption('-h, --help', t('cli.helpOption'))
    .helpCommand('help [command]', t('cli.helpCommand'))
    .showHelpAfterError(t('cli.helpAfterError'))
    .configureHelp({ styleTitle: helpTitle })
    // Commander quotes the user's arguments in its errors: they reach the terminal escaped too.
    .configureOutput({ writeOut: printOut, writeErr: printErr, outputError: (text, write) => write(translateCommanderMessage(text)) })
    .exitOverride();
  program.addOption(langOption());
  registerCheck(program);
  registerSummary(program);
  registerRun(program);
  registerEval(program);
  registerExport(program);
  registerLayers(program);
  registerGraph(program);
  registerLsp(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    // Before the program is built: its help texts are in the chosen language too.
    setLocale(localeFromArgs(argv) ?? localeFromEnv(process.env));
    const program = buildProgram();
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; a bad flag or a missing argument is exit status 2.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      printErr(`cnnshape: ${e.message}\n`);
      return 2;
    }
    printInternalError(e);
    return 2;
  }
}

/** A bug, not the user's mistake: the one case where a stack trace is printed, after a one-line preface. */
export function printInternalError(e: unknown): void {
  printErr(`${t('cli.internalError', { error: e instanceof Error ? e.message : String(e) })}\n`);
  if (e instanceof Error && e.stack) printErr(`${e.stack}\n`);
}

if (require.main === module) {
  // main() turns every error into an exit status; the catch is for a failure in that handling itself.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      printInternalError(e);
      process.exitCode = 2;
    },
  );
}
