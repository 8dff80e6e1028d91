// The run result webview: one panel per model, reused (revealed and redrawn) by the model's next run,
// showing the input as the network saw it, the top-5 with a chart, dense and softmax outputs as bars,
// the shapes that ran beside the predicted ones, and feature maps that enlarge with their numbers.
// Pixels are posted when the page says it is ready (again after VS Code rebuilds a hidden page).
import * as vscode from 'vscode';
import { t } from '../l10n';
import { openPanel, scriptPage } from '../webviewPanel';
import type { Summaries } from '../summaries';
import { renderRunBody, renderRunPage, runPageStrings } from './html';
import { isFromRunPage, type ImagePixels, type RunView, type ToRunPage } from './view';

const VIEW_TYPE = 'cnnShape.runResult';

export interface Zoomed {
  title: string;
  cells: string[][];
}

export class RunPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly drawnEmitter = new vscode.EventEmitter<{ canvases: number; charts: number }>();
  private readonly zoomedEmitter = new vscode.EventEmitter<Zoomed>();
  private readonly themedEmitter = new vscode.EventEmitter<{ charts: number; colour: string }>();
  /** Fires when the page has followed a colour theme change (its charts made again in these colours). */
  readonly onDidFollowTheme = this.themedEmitter.event;
  private pixels: ImagePixels[] = [];
  /** Fires each time the page has drawn its pixels and charts (tests wait for it). */
  readonly onDidDraw = this.drawnEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly modelUri: vscode.Uri,
    private readonly summaries: Summaries,
    column: vscode.ViewColumn,
  ) {
    const { panel, listeners } = openPanel({
      viewType: VIEW_TYPE,
      title: '',
      column,
      extensionUri,
      onMessage: (m) => this.onMessage(m),
      onDispose: () => this.dispose(),
    });
    this.panel = panel;
    this.subscriptions.push(this.drawnEmitter, this.zoomedEmitter, this.themedEmitter, ...listeners);
  }

  private onMessage(m: unknown): void {
    if (!isFromRunPage(m)) return;
    if (m.type === 'ready') void this.panel.webview.postMessage({ type: 'pixels', images: this.pixels } satisfies ToRunPage);
    else if (m.type === 'drawn') this.drawnEmitter.fire({ canvases: m.canvases, charts: m.charts });
    else if (m.type === 'zoomed') this.zoomedEmitter.fire({ title: m.title, cells: m.cells });
    else if (m.type === 'themed') this.themedEmitter.fire({ charts: m.charts, colour: m.colour });
    else void this.reveal(m.index);
  }

  /** Shows a run's result: a fresh page (and nonce) in this panel, brought to the front. */
  show(view: RunView, pixels: ImagePixels[]): void {
    this.pixels = pixels;
    const webview = this.panel.webview;
    const title = t('run.panelTitle', { title: view.title });
    this.panel.title = title;
    webview.html = renderRunPage(renderRunBody(view, t), { ...scriptPage(webview, this.extensionUri, 'runWebview.js'), title, strings: runPageStrings(t), lang: vscode.env.language });
    this.panel.reveal(this.panel.viewColumn, false);
  }

  /** Opens the enlarged view of a map (layer -1: the input) as a click does; settles with what it shows. */
  zoom(image: number, layer: number, channel: number): Promise<Zoomed> {
    const shown = new Promise<Zoomed>((resolve) => {
      const d = this.zoomedEmitter.event((z) => {
        d.dispose();
        resolve(z);
      });
    });
    void this.panel.webview.postMessage({ type: 'zoom', image, layer, channel } satisfies ToRunPage);
    return shown;
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
