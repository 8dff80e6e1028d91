// cnnshape lsp --stdio: the language server, for editors other than VS Code (Neovim, Helix, Zed…).
// stdio is the default; --node-ipc, --socket=N and --pipe=NAME work too (the client library reads them).
import type { Command } from 'commander';
import { connectionFromArgs } from '../../../server/src/lsp/connection';
import { startServer } from '../../../server/src/lsp/startServer';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('run the language server (diagnostics, hover, inlay hints, quick fixes, completion, outline)')
    .option('--stdio', 'talk LSP over stdin/stdout (the default)')
    .option('--node-ipc', 'talk LSP over a Node IPC channel')
    .option('--socket <port>', 'talk LSP over a TCP socket on this port')
    .option('--pipe <name>', 'talk LSP over a named pipe')
    // The client library reads the transport from the command line itself.
    .action(() => startServer(connectionFromArgs()));
}
