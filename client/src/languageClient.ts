// The language client: starts dist/server.js in a Node process over IPC for model documents.
// Settings reach the server by its own workspace/configuration requests; `synchronize` tells it when
// they change. The trace setting `cnnShape.trace.server` is read by the client library itself (it
// follows the client id).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_SECTION } from './config';
import { DOCUMENT_SELECTOR } from './documents';
import { EXPLAIN_COMMAND } from './explain/command';

export const CLIENT_ID = CONFIG_SECTION;
export const CLIENT_NAME = 'CNN Shape';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: CONFIG_SECTION },
    // The hover's "Explain this layer" link is a command link: trusted for that command only.
    markdown: { isTrusted: { enabledCommands: [EXPLAIN_COMMAND] } },
    // The server offers lenses and links that call these commands only to a client that has them.
    initializationOptions: { commands: [EXPLAIN_COMMAND] },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
