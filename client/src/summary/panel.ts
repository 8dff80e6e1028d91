// The "Model Summary" webview: one panel that shows the summary of the model file being edited,
// re-rendered as it changes and following the active model editor, like Markdown's preview. The
// summary is the language server's (request cnnShape/summary); the client does not analyse.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Summary } from '../../../core/src/index';
import { activeCnnEditor, isCnnDocument } from '../documents';
import type { Summaries } from '../summaries';
import { escapeHtml, isFromWebview, renderSummaryBody, renderSummaryPage, type ToWebview } from './html';
import { t } from '../l10n';
import { openPanel } from '../webviewPanel';

/** What the panel shows now (the public API hands it to tests). */
export interface SummarySnapshot {
  uri: vscode.Uri;
  version: number;
  summary: Summary;
  /** The escaped HTML of the page's changing part. */
  body: string;
}

export interface PageState {
  version: number;
  rows: number;
}

const VIEW_TYPE = 'cnnShape.summary';
/** Typing bursts re-render once; short enough to feel live. */
const REFRESH_DELAY_MS = 150;

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private snapshot: SummarySnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: PageState | undefined;
  /** Counts renders, so that a late answer for an older one is dropped. */
  private generation = 0;
  private readonly rendered = new vscode.EventEmitter<SummarySnapshot>();
  private readonly pageShown = new vscode.EventEmitter<PageState>();
  private readonly subscriptions: vscode.Disposable[] = [this.rendered, this.pageShown];

  /** Fires after each render, with what was rendered (sent to the page, not yet shown by it). */
  readonly onDidRender = this.rendered.event;
  /** Fires when the page reports what it shows: it loaded under its CSP and applied an update. */
  readonly onDidShowInPage = this.pageShown.event;

  constructor(private readonly summaries: Summaries) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.snapshot && e.document.uri.toString() === this.snapshot.uri.toString()) this.schedule(e.document);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        const editor = activeCnnEditor();
        if (this.panel && editor && editor.document.uri.toString() !== this.snapshot?.uri.toString()) void this.render(editor.document);
      }),
    );
  }

  get current(): SummarySnapshot | undefined {
    return this.panel ? this.snapshot : undefined;
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** What the page last said it shows (undefined until the current page has loaded). */
  get inPage(): PageState | undefined {
    return this.panel ? this.shown : undefined;
  }

  /** Opens (or reveals) the panel on `doc`; settles when the summary is rendered. */
  async show(doc: vscode.TextDocument): Promise<void> {
    if (!this.panel) {
      this.panel = openPanel({
        viewType: VIEW_TYPE,
        title: t('client.showSummaryTitle'),
        onMessage: (m) => this.onMessage(m),
        onDispose: () => {
          this.panel = undefined;
          this.snapshot = undefined;
          this.shown = undefined;
          this.cancel();
        },
      }).panel;
      await this.render(doc, true);
    } else {
      this.panel.reveal(undefined, true);
      await this.render(doc);
    }
  }

  private onMessage(m: unknown): void {
    if (!isFromWebview(m)) return;
    if (m.type === 'reveal') void this.revealLayer(m.index);
    else {
      this.shown = { version: m.version, rows: m.rows };
      this.pageShown.fire(this.shown);
      // A hidden webview is rebuilt from its first HTML when shown again: bring it up to date.
      const now = this.snapshot;
      if (now && m.version !== now.version) void this.panel?.webview.postMessage({ type: 'update', body: now.body, version: now.version } satisfies ToWebview);
    }
  }

  /** Re-renders the current document (after a settings change, or when the server restarted). */
  async refresh(): Promise<void> {
    if (!this.panel || !this.snapshot) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.snapshot!.uri.toString());
    if (doc) await this.render(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel && !doc.isClosed) void this.render(doc);
    }, REFRESH_DELAY_MS);
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async render(doc: vscode.TextDocument, fullPage = false): Promise<void> {
    if (!this.panel || !isCnnDocument(doc)) return;
    this.cancel();
    const generation = ++this.generation;
    const answer = await this.summaries.of(doc);
    const panel = this.panel;
    // Closed meanwhile, or a newer render started: this answer is not wanted any more.
    if (!panel || generation !== this.generation) return;
    if (!answer) {
      if (fullPage) panel.webview.html = renderSummaryPage(`<p class="problems">${escapeHtml(t('client.summaryNoAnswer'))}</p>`, randomBytes(16).toString('base64'), panel.title, doc.version);
      return;
    }
    const { summary, version } = answer;
    const body = renderSummaryBody(summary, vscode.workspace.asRelativePath(doc.uri, false), t);
    const retarget = this.snapshot?.uri.toString() !== doc.uri.toString();
    this.snapshot = { uri: doc.uri, version, summary, body };
    panel.title = t('client.summaryTitle', { name: summary.title });
    if (fullPage || retarget) {
      this.shown = undefined;
      panel.webview.html = renderSummaryPage(body, randomBytes(16).toString('base64'), panel.title, version);
    } else {
      void panel.webview.postMessage({ type: 'update', body, version } satisfies ToWebview);
    }
    this.rendered.fire(this.snapshot);
  }

  private async revealLayer(index: number): Promise<void> {
    const uri = this.snapshot?.uri;
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const range = await this.summaries.layerRange(doc, index);
    if (!range) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
  }

  dispose(): void {
    this.cancel();
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
