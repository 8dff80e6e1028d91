// A language client for the tests: starts the server as a separate process and talks LSP to it over
// stdio, as an editor that has never seen this server would. It records every publishDiagnostics
// and answers workspace/configuration from `settings`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InlayHintRefreshRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..', '..');

/** How to start the server: the source through tsx (default), the bundle, or the CLI. */
export type Launch = 'source' | 'bundle' | 'cli' | 'cli-no-flag';

const COMMANDS: Record<Launch, string[]> = {
  source: ['--import', 'tsx', 'server/src/server.ts', '--stdio'],
  bundle: ['dist/server.js', '--stdio'],
  cli: ['--import', 'tsx', 'cli/src/main.ts', 'lsp', '--stdio'],
  'cli-no-flag': ['--import', 'tsx', 'cli/src/main.ts', 'lsp'],
};

export const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    inlayHint: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    codeLens: {},
  },
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
};

export class LspClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  settings: Record<string, unknown> = {};
  /** The scopeUri of every configuration item asked for. */
  readonly configAsked: string[] = [];
  hintRefreshes = 0;
  stderr = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  /** `root`: the repository (the bench runs bundled elsewhere, so it passes its own). */
  constructor(launch: Launch = 'source', root = ROOT) {
    this.proc = spawn(process.execPath, COMMANDS[launch], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => {
        if (item.scopeUri) this.configAsked.push(item.scopeUri);
        return item.section === 'cnnShape' ? this.settings : null;
      }),
    );
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.onRequest(InlayHintRefreshRequest.type, () => {
      this.hintRefreshes++;
      return undefined;
    });
    this.conn.listen();
  }

  async initialize(capabilities: ClientCapabilities = CAPABILITIES): Promise<InitializeResult> {
    const r = await this.conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }

  async open(uri: string, text: string, languageId = uri.endsWith('.json') ? 'cnn-json' : 'cnn-yaml', version = 1): Promise<void> {
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { cnnShape: settings } });
  }

  /** The first publication for `uri` (already received or still to come) that satisfies `pred`. */
  async diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.find((p) => p.uri === uri && pred(p));
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; got versions ${this.published.filter((p) => p.uri === uri).map((p) => p.version).join(', ')}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The publication for `uri` at `version`. */
  atVersion(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    this.conn.dispose();
    this.proc.kill();
  }
}
