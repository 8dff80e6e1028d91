// dist/server.js: the CNN Shape language server. VS Code's client starts it over IPC (--node-ipc);
// other editors run `node dist/server.js --stdio` or `cnnshape lsp --stdio`.
import { connectionFromArgs } from './lsp/connection';
import { startServer } from './lsp/startServer';

export { startServer };

if (require.main === module) startServer(connectionFromArgs());
