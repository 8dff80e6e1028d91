// The evaluation webview: one panel per model, reused by its next evaluation. A click on a
// worst-classified image opens it in the editor; only the images of this evaluation can be opened
// (the page sends an index into the list, never a path).
import * as vscode from 'vscode';
import { t } from '../l10n';
import { openPanel, scriptPage } from '../webviewPanel';
import { renderEvaluationBody, renderEvaluationPage, type EvaluationView } from './evalHtml';

const VIEW_TYPE = 'cnnShape.evaluation';

export class EvaluationPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly readyEmitter = new vscode.EventEmitter<{ cells: number }>();
  private worst: string[] = [];
  /** Fires when the page has loaded under its CSP: how many matrix cells it holds (tests wait for it). */
  readonly onDidLoad = this.readyEmitter.event;

  constructor(private readonly extensionUri: vscode.Uri, column: vscode.ViewColumn) {
    const { panel, listeners } = openPanel({
      viewType: VIEW_TYPE,
      title: '',
      column,
      extensionUri,
      onMessage: (m) => this.onMessage(m),
      onDispose: () => this.dispose(),
    });
    this.panel = panel;
    this.subscriptions.push(this.readyEmitter, ...listeners);
  }

  private onMessage(m: unknown): void {
    if (typeof m !== 'object' || m === null) return;
    const r = m as Record<string, unknown>;
    if (r['type'] === 'ready' && typeof r['cells'] === 'number') this.readyEmitter.fire({ cells: r['cells'] });
    else if (r['type'] === 'open' && typeof r['index'] === 'number') void this.openWorst(r['index']);
  }

  show(view: EvaluationView): void {
    this.worst = view.run.worst.map((w) => w.image);
    const webview = this.panel.webview;
    const title = t('evaluate.panelTitle', { title: view.title });
    this.panel.title = title;
    webview.html = renderEvaluationPage(renderEvaluationBody(view, t), { ...scriptPage(webview, this.extensionUri, 'evalWebview.js'), title, lang: vscode.env.language });
    this.panel.reveal(this.panel.viewColumn, false);
  }

  /** Opens worst image `index` of the evaluation shown (VS Code's image preview), beside the page. */
  async openWorst(index: number): Promise<vscode.Uri | undefined> {
    const file = Number.isInteger(index) ? this.worst[index] : undefined;
    if (file === undefined) return undefined;
    const uri = vscode.Uri.file(file);
    // In the first group (where the model usually is): a third column would crowd the page.
    await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.One, preview: true });
    return uri;
  }

  get webviewPanel(): vscode.WebviewPanel {
    return this.panel;
  }

  dispose(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
