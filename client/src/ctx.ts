// The activation context: owns everything activate() creates (language client, the server's summaries,
// summary and graph panels, status bar, commands) and disposes it all in one place.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplainPanel } from './explain/panel';
import { GraphPanel } from './graph/panel';
import { createLanguageClient } from './languageClient';
import { TotalsStatusBar } from './statusBar';
import { Summaries } from './summaries';
import { SummaryPanel } from './summary/panel';
import { t } from './l10n';

export type Cmd = (...args: unknown[]) => unknown;

export class Ctx implements vscode.Disposable {
  readonly client: LanguageClient;
  readonly summaries: Summaries;
  readonly summaryPanel: SummaryPanel;
  readonly graphPanel: GraphPanel;
  readonly explainPanel: ExplainPanel;
  readonly statusBar: TotalsStatusBar;
  private readonly disposables: vscode.Disposable[] = [];
  private started: Promise<void> = Promise.resolve();

  constructor(readonly extCtx: vscode.ExtensionContext) {
    this.client = createLanguageClient(extCtx);
    this.summaries = this.pushCleanup(new Summaries(this.client));
    this.summaryPanel = this.pushCleanup(new SummaryPanel(this.summaries));
    this.graphPanel = this.pushCleanup(new GraphPanel(this.client, extCtx.extensionUri));
    this.explainPanel = this.pushCleanup(new ExplainPanel(this.client, extCtx.extensionUri));
    this.statusBar = this.pushCleanup(new TotalsStatusBar(this.summaries));
    // The server says when settings changed its analyses (it has read them by then).
    this.pushCleanup(this.summaries.onDidChange(() => this.refreshViews()));
  }

  /** Asks the server again for what the status bar and the summary show. */
  private refreshViews(): void {
    void this.statusBar.update();
    void this.summaryPanel.refresh();
    void this.graphPanel.refresh();
    void this.explainPanel.refresh();
  }

  /** Settles when the server has started, after activation or the last restart. */
  get ready(): Promise<void> {
    return this.started;
  }

  pushCleanup<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  /** Registers `cnnShape.<name>` with a command made from this context. */
  registerCommand(name: string, factory: (ctx: Ctx) => Cmd): void {
    this.pushCleanup(vscode.commands.registerCommand(`cnnShape.${name}`, factory(this)));
  }

  start(): Promise<void> {
    return this.track(this.client.start());
  }

  restart(): Promise<void> {
    return this.track(this.client.restart());
  }

  async stop(): Promise<void> {
    if (this.client.needsStop()) await this.client.stop();
  }

  // A server that fails to start is reported once, here; `ready` still rejects for whoever awaits it.
  private track(p: Promise<void>): Promise<void> {
    this.started = p;
    p.then(() => this.refreshViews(), () => undefined);
    p.catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(t('client.serverDidNotStart', { reason: message }));
    });
    return p;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
