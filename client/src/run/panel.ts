// The run result webview: one panel per model, reused (revealed and redrawn) by the model's next run,
// showing the input as the network saw it, the top-5 with a chart, dense and softmax outputs as bars,
// the shapes that ran beside the predicted ones, and feature maps that enlarge with their numbers.
// The page is loaded once, when the panel opens (as a run starts); each content (the note that a run is
// under way, a result) is posted to it, and posted again when the page says it is ready (after VS Code
// rebuilds a hidden page), so a result draws at once instead of loading a page again.
import * as vscode from 'vscode';
import { t } from '../l10n';
import { openPanel, scriptPage } from '../webviewPanel';
import type { Summaries } from '../summaries';
import { escapeHtml } from '../pageShell';
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
  /** What the page shows (a run's result, or the note that one is under way) and its number. */
  private body = '';
  private seq = 0;
  /** The page is loaded once; later contents are posted to it ('show'). */
  private loaded = false;
  /** The last result shown, to go back to when a run fails. */
  private lastResult: { title: string; body: string; pixels: ImagePixels[] } | undefined;
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
    // Loaded, or loaded again (VS Code rebuilds a hidden page): what it shows now.
    if (m.type === 'ready') this.post();
    else if (m.type === 'drawn') {
      if (m.seq === this.seq) this.drawnEmitter.fire({ canvases: m.canvases, charts: m.charts });
    } else if (m.type === 'zoomed') this.zoomedEmitter.fire({ title: m.title, cells: m.cells });
    else if (m.type === 'themed') this.themedEmitter.fire({ charts: m.charts, colour: m.colour });
    else void this.reveal(m.index);
  }

  /** Says a run is under way: a new panel's page (and its script) loads meanwhile. */
  showRunning(title: string, count: number): void {
    this.update(t('run.panelTitle', { title }), `<p class="meta">${escapeHtml(t('run.runningPage', { title, count }))}</p>`, []);
  }

  /** Shows a run's result in this panel, brought to the front. */
  show(view: RunView, pixels: ImagePixels[]): void {
    const title = t('run.panelTitle', { title: view.title });
    const body = renderRunBody(view, t);
    this.lastResult = { title, body, pixels };
    this.update(title, body, pixels);
  }

  /** After a failed or cancelled run: the previous result again; false when there was none. */
  restore(): boolean {
    if (!this.lastResult) return false;
    this.update(this.lastResult.title, this.lastResult.body, this.lastResult.pixels);
    return true;
  }

  private update(title: string, body: string, pixels: ImagePixels[]): void {
    this.body = body;
    this.pixels = pixels;
    this.seq++;
    this.panel.title = title;
    if (!this.loaded) {
      // The page starts empty and asks for its content when its script runs ('ready').
      this.loaded = true;
      const webview = this.panel.webview;
      webview.html = renderRunPage('', { ...scriptPage(webview, this.extensionUri, 'runWebview.js'), title, strings: runPageStrings(t), lang: vscode.env.language });
    } else this.post();
    this.panel.reveal(this.panel.viewColumn, false);
  }

  private post(): void {
    void this.panel.webview.postMessage({ type: 'show', seq: this.seq, body: this.body, images: this.pixels } satisfies ToRunPage);
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
