// The connection for the transport named on the command line (--stdio, --node-ipc, --socket=N,
// --pipe=NAME; the client library reads them), or stdio when none is named, as editors other than
// VS Code expect.
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

export function connectionFromArgs(argv: readonly string[] = process.argv.slice(2)): Connection {
  if (argv.some((a) => TRANSPORT.test(a))) return createConnection(ProposedFeatures.all);
  keepStdoutForProtocol();
  return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

/** stdout carries the protocol: anything a library logs goes to stderr instead. */
function keepStdoutForProtocol(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(format(...args) + '\n');
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}
