// cnnshape lsp --stdio: the language server, for editors other than VS Code (Neovim, Helix, Zed…).
// stdio is the default; --node-ipc, --socket=N and --pipe=NAME work too (the client library reads them).
import type { Command } from 'commander';
import { t } from '../../../core/src/index';
import { connectionFromArgs } from '../../../server/src/lsp/connection';
import { startServer } from '../../../server/src/lsp/startServer';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description(t('cli.lspDescription'))
    .option('--stdio', t('cli.lspStdio'))
    .option('--node-ipc', t('cli.lspIpc'))
    .option('--socket <port>', t('cli.lspSocket'))
    .option('--pipe <name>', t('cli.lspPipe'))
    // The client library reads the transport from the command line itself.
    .action(() => startServer(connectionFromArgs()));
}
