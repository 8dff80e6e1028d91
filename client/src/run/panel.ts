// The run result webview: one panel per run, showing the input as the network saw it, the top-5 with a
// chart, the shapes that ran beside the predicted ones, and feature maps. Pixels are posted when the
// page says it is ready (again after VS Code rebuilds a hidden page).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Summaries } from '../summaries';
import { renderRunBody, renderRunPage } from './html';
import { isFromRunPage, type ImagePixels, type RunView, type ToRunPage } from './view';

const VIEW_TYPE = 'cnnShape.runResult';

export class RunPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly drawnEmitter = new vscode.EventEmitter<{ canvases: number; charts: number }>();
  /** Fires each time the page has drawn its pixels and charts (tests wait for it). */
  readonly onDidDraw = this.drawnEmitter.event;

  constructor(
    extensionUri: vscode.Uri,
    readonly modelUri: vscode.Uri,
    view: RunView,
    private readonly pixels: ImagePixels[],
    private readonly summaries: Summaries,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, `Run: ${view.title}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    const webview = this.panel.webview;
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'runWebview.js')).toString();
    webview.html = renderRunPage(renderRunBody(view), { nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource, scriptUri, title: `Run: ${view.title}` });
    this.subscriptions.push(
      this.drawnEmitter,
      webview.onDidReceiveMessage((m: unknown) => {
        if (!isFromRunPage(m)) return;
        if (m.type === 'ready') void webview.postMessage({ type: 'pixels', images: this.pixels } satisfies ToRunPage);
        else if (m.type === 'drawn') this.drawnEmitter.fire({ canvases: m.canvases, charts: m.charts });
        else void this.reveal(m.index);
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  get webviewPanel(): vscode.WebviewPanel {
    return this.panel;
  }

  /** Puts the cursor on layer `index` of the model file. */
  private async reveal(index: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.modelUri);
    const range = await this.summaries.layerRange(doc, index);
    if (!range) return;
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(range.start, range.start), viewColumn: vscode.ViewColumn.One });
  }

  dispose(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
