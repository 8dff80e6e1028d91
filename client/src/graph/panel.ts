// The "Model Graph" webview: one panel beside the editor showing the graph of the model file being
// edited, redrawn as it changes (the page keeps zoom, pan and collapsed blocks) and following the
// active model editor. The graph is the language server's (request cnnShape/graph); the page lays it
// out and draws it. Clicking a node selects its layer; the editor's cursor highlights its node.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GRAPH_REQUEST, type GraphResult, type SummaryParams } from '../../../server/src/lsp/customRequests';
import { activeCnnEditor, isCnnDocument, selectInEditor } from '../documents';
import { renderGraphPage } from './html';
import { isFromGraphPage, type DrawPhases, type PageProbe, type ToGraphPage } from './messages';
import { t } from '../l10n';
import { openPanel, scriptPage } from '../webviewPanel';

/** What the page last reported: the version it drew, its layer nodes and the layers drawn red. */
export interface GraphShown {
  version: number;
  layerNodes: number;
  red: number[];
  ms: number;
  /** The page reused the previous layout (only texts changed). */
  cached: boolean;
  phases: DrawPhases;
}

const VIEW_TYPE = 'cnnShape.graph';
/** Keystrokes closer than this are one redraw. Short: a redraw that keeps the layout takes a few ms. */
const REFRESH_DELAY_MS = 20;

export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private answer: GraphResult | undefined;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private shownState: GraphShown | undefined;
  /** A request to the server is under way; `again`: the document changed meanwhile (asked once it is back). */
  private asking = false;
  private again: { doc: vscode.TextDocument; reset: boolean } | undefined;
  private saveTarget: vscode.Uri | undefined;
  /** How long the last request to the server took (ms), for the timing test. */
  requestMs = 0;
  private readonly shown = new vscode.EventEmitter<GraphShown>();
  private readonly probed = new vscode.EventEmitter<PageProbe>();
  private readonly exported = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [this.shown, this.probed, this.exported];
  /** Fires when the page has drawn a graph (its own report, from under its CSP). */
  readonly onDidShowInPage = this.shown.event;
  /** For tests: the page's answer to a `probe` (focus, search hits). */
  readonly onDidProbePage = this.probed.event;
  /** An export was written (to this file). */
  readonly onDidExport = this.exported.event;

  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.uri && e.document.uri.toString() === this.uri.toString()) this.schedule(e.document);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        const editor = activeCnnEditor();
        if (this.panel && editor && editor.document.uri.toString() !== this.uri?.toString()) void this.render(editor.document, true);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && e.textEditor.document.uri.toString() === this.uri?.toString()) this.highlight(e.selections[0]?.active);
      }),
    );
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** The server's answer being shown. */
  get current(): GraphResult | undefined {
    return this.panel ? this.answer : undefined;
  }

  /** What the page last said it drew. */
  get inPage(): GraphShown | undefined {
    return this.panel ? this.shownState : undefined;
  }

  async show(doc: vscode.TextDocument): Promise<void> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      await this.render(doc, doc.uri.toString() !== this.uri?.toString());
      return;
    }
    const { panel } = openPanel({
      viewType: VIEW_TYPE,
      title: t('graph.panelTitle'),
      extensionUri: this.extensionUri,
      retainContextWhenHidden: true,
      onMessage: (m) => void this.onMessage(m),
      onDispose: () => {
        this.panel = undefined;
        this.answer = undefined;
        this.uri = undefined;
        this.shownState = undefined;
        this.cancel();
      },
    });
    this.panel = panel;
    panel.webview.html = renderGraphPage({ ...scriptPage(panel.webview, this.extensionUri, 'graphWebview.js'), title: t('graph.panelTitle'), text: (id) => t(id) });
    await this.render(doc, true);
  }

  /** Asks the server again (after a settings change or a restart). */
  async refresh(): Promise<void> {
    const doc = this.uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri!.toString());
    if (this.panel && doc) await this.render(doc, false);
  }

  /** For tests: clicks a layer's node in the page, as a user would. */
  clickInPage(layer: number): void {
    void this.post({ type: 'click', layer });
  }

  /** For tests: acts in the page as a user would (keys, search, buttons) and reports what it then shows. */
  actInPage(m: Extract<ToGraphPage, { type: 'act' }>): void {
    void this.post(m);
  }

  /** For tests: the next export is written to `target` without asking. */
  exportNextTo(target: vscode.Uri): void {
    this.saveTarget = target;
  }

  private schedule(doc: vscode.TextDocument): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel && !doc.isClosed) void this.render(doc, false);
    }, REFRESH_DELAY_MS);
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async render(doc: vscode.TextDocument, reset: boolean): Promise<void> {
    if (!this.panel || !isCnnDocument(doc)) return;
    this.cancel();
    // One request at a time: a slow answer is not queued behind by more; the latest text is asked next.
    if (this.asking) {
      this.again = { doc, reset: reset || (this.again?.reset ?? false) };
      return;
    }
    this.asking = true;
    try {
      await this.ask(doc, reset);
    } finally {
      this.asking = false;
    }
    const next = this.again;
    this.again = undefined;
    if (next && this.panel && !next.doc.isClosed) await this.render(next.doc, next.reset);
  }

  private async ask(doc: vscode.TextDocument, reset: boolean): Promise<void> {
    const generation = ++this.generation;
    const params: SummaryParams = { uri: this.client.code2ProtocolConverter.asUri(doc.uri), version: doc.version };
    let answer: GraphResult | null = null;
    const t0 = Date.now();
    try {
      answer = await this.client.sendRequest<GraphResult | null>(GRAPH_REQUEST, params);
    } catch {
      answer = null;
    }
    this.requestMs = Date.now() - t0;
    if (!this.panel || generation !== this.generation || !answer) return;
    this.answer = answer;
    this.uri = doc.uri;
    this.panel.title = t('graph.panelTitleOf', { title: answer.graph.title });
    await this.post({ type: 'graph', version: answer.version, graph: answer.graph, reset });
  }

  private post(m: ToGraphPage): Thenable<boolean> {
    return this.panel?.webview.postMessage(m) ?? Promise.resolve(false);
  }

  private highlight(pos: vscode.Position | undefined): void {
    const a = this.answer;
    if (!a || !pos) return;
    const conv = this.client.protocol2CodeConverter;
    // The innermost item under the cursor; inside a block definition, every copy of it.
    let best: { size: number; layers: number[] } | undefined;
    a.itemRanges.forEach((r, i) => {
      const range = conv.asRange(r);
      if (!range.contains(pos)) return;
      const size = range.end.line - range.start.line;
      if (!best || size < best.size) best = { size, layers: [i] };
      else if (size === best.size && range.isEqual(conv.asRange(a.itemRanges[best.layers[0]!]!))) best.layers.push(i);
    });
    void this.post({ type: 'highlight', layers: best?.layers ?? [] });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isFromGraphPage(m) || !this.panel) return;
    switch (m.type) {
      case 'ready':
        // The page (new, or rebuilt by the editor) starts empty: give it the graph again.
        if (this.answer) await this.post({ type: 'graph', version: this.answer.version, graph: this.answer.graph, reset: false });
        return;
      case 'shown':
        this.shownState = { version: m.version, layerNodes: m.layerNodes, red: m.red, ms: m.ms, cached: m.cached, phases: m.phases };
        this.shown.fire(this.shownState);
        return;
      case 'reveal':
        return this.revealLayer(m.layer);
      case 'hover':
        return this.hover(m.layer);
      case 'probe':
        this.probed.fire(m);
        return;
      case 'export':
        return this.export(m.format, m.data);
      case 'error':
        void vscode.window.showErrorMessage(t('graph.errorPrefix', { message: m.message }));
        return;
    }
  }

  private async revealLayer(layer: number): Promise<void> {
    const r = this.answer?.layerRanges[layer];
    if (!r || !this.uri) return;
    await selectInEditor(this.uri, this.client.protocol2CodeConverter.asRange(r));
  }

  /** The text hover's content at the layer's type, as plain text for the page's tooltip. */
  private async hover(layer: number): Promise<void> {
    const r = this.answer?.layerRanges[layer];
    if (!r || !this.uri) return;
    const range = this.client.protocol2CodeConverter.asRange(r);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', this.uri, range.start);
    const text = (hovers ?? [])
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n\n')
      .replace(/\*\*|`/g, '')
      .replace(/ {2}\n/g, '\n')
      .trim();
    if (text) await this.post({ type: 'hover', layer, text });
  }

  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const base = this.uri ? this.uri.path.replace(/\.cnn\.(ya?ml|json)$/i, '') : 'model';
    const preset = this.saveTarget;
    this.saveTarget = undefined;
    const target = preset ?? await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(`${base}.graph.${format}`).with({ scheme: this.uri?.scheme === 'untitled' ? 'file' : (this.uri?.scheme ?? 'file') }),
      filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
    });
    if (!target) return;
    if (this.uri && target.toString() === this.uri.toString()) {
      void vscode.window.showErrorMessage(t('graph.exportIsModel'));
      return;
    }
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    this.exported.fire(target);
    void vscode.window.setStatusBarMessage(t('graph.exportWrote', { file: vscode.workspace.asRelativePath(target) }), 3000);
  }

  dispose(): void {
    this.cancel();
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
