// The "Explain this layer" webview: one panel, reused, beside the editor. It shows the conv or pool
// layer it was opened on and follows the cursor to another such layer of a model file; an edit redraws
// it. The numbers are the language server's (request cnnShape/explain); the page draws them. "Apply"
// on a fix applies the quick fix's edit to the file, if the file is still the version it was made for.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../../../server/src/lsp/customRequests';
import { isCnnDocument, selectInEditor } from '../documents';
import { renderExplainPage } from './html';
import { isFromExplainPage, type ControlAction, type ExplainDrawn, type ToExplainPage } from './messages';
import { t } from '../l10n';
import { pageStrings } from './strings';
import { openPanel, scriptPage } from '../webviewPanel';

const VIEW_TYPE = 'cnnShape.explain';
const REFRESH_DELAY_MS = 150;

export class ExplainPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private answer: ExplainResult | undefined;
  private uri: vscode.Uri | undefined;
  private readonly timers = new Map<'edit' | 'cursor', ReturnType<typeof setTimeout>>();
  private generation = 0;
  private drawnState: ExplainDrawn | undefined;
  private readonly drawn = new vscode.EventEmitter<ExplainDrawn>();
  private readonly subscriptions: vscode.Disposable[] = [this.drawn];
  /** Fires whenever the page reports what it drew (its own count, from under its CSP). */
  readonly onDidDraw = this.drawn.event;

  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.uri && e.document.uri.toString() === this.uri.toString()) this.schedule('edit', () => this.refresh());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.panel || !isCnnDocument(e.textEditor.document)) return;
        const doc = e.textEditor.document;
        const pos = e.selections[0]?.active;
        if (pos) this.schedule('cursor', () => this.follow(doc, pos));
      }),
    );
  }

  /** The server's answer being shown. */
  get current(): ExplainResult | undefined {
    return this.panel ? this.answer : undefined;
  }

  /** What the page last said it drew. */
  get inPage(): ExplainDrawn | undefined {
    return this.panel ? this.drawnState : undefined;
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reuses) the view on the layer at `layerIndex`, or the one under `position`. */
  async show(doc: vscode.TextDocument, at: { layerIndex: number } | { position: vscode.Position }): Promise<void> {
    if (!this.panel) this.create();
    else this.panel.reveal(undefined, true);
    await this.load(doc, at);
  }

  /** Asks the server again for the layer shown (after an edit, a settings change or a restart). */
  async refresh(): Promise<void> {
    const doc = this.uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri!.toString());
    const index = this.answer?.layerIndex;
    if (this.panel && doc && index !== null && index !== undefined) await this.load(doc, { layerIndex: index });
  }

  /** For tests: presses a control, a fix's button, or "Back to the file" in the page, as a user would. */
  press(control: ControlAction): void {
    void this.post({ type: 'press', control });
  }

  pressFix(fix: number, button: 'try' | 'apply'): void {
    void this.post({ type: 'pressFix', fix, button });
  }

  pressBack(): void {
    void this.post({ type: 'pressBack' });
  }

  private create(): void {
    const { panel } = openPanel({
      viewType: VIEW_TYPE,
      title: t('explain.panelTitleEmpty'),
      extensionUri: this.extensionUri,
      retainContextWhenHidden: true,
      onMessage: (m) => void this.onMessage(m),
      onDispose: () => {
        this.panel = undefined;
        this.answer = undefined;
        this.uri = undefined;
        this.drawnState = undefined;
        this.cancel();
      },
    });
    this.panel = panel;
    panel.webview.html = renderExplainPage({ ...scriptPage(panel.webview, this.extensionUri, 'explainWebview.js'), title: t('explain.panelTitleEmpty'), lang: vscode.env.language });
  }

  /** The cursor moved: show the layer under it if it is one the view explains (else keep the one shown). */
  private async follow(doc: vscode.TextDocument, position: vscode.Position): Promise<void> {
    const answer = await this.ask(doc, { position: this.client.code2ProtocolConverter.asPosition(position) });
    if (!answer?.layer || (answer.uri === this.answer?.uri && answer.layerIndex === this.answer.layerIndex && answer.version === this.answer.version)) return;
    await this.shown(doc, answer);
  }

  private async load(doc: vscode.TextDocument, at: { layerIndex: number } | { position: vscode.Position }): Promise<void> {
    const where = 'position' in at ? { position: this.client.code2ProtocolConverter.asPosition(at.position) } : { layerIndex: at.layerIndex };
    const answer = await this.ask(doc, where);
    if (answer) await this.shown(doc, answer);
  }

  private async ask(doc: vscode.TextDocument, where: Pick<ExplainParams, 'position' | 'layerIndex'>): Promise<ExplainResult | null> {
    if (!this.panel || !isCnnDocument(doc)) return null;
    const generation = ++this.generation;
    const params: ExplainParams = { uri: this.client.code2ProtocolConverter.asUri(doc.uri), version: doc.version, ...where };
    let answer: ExplainResult | null = null;
    try {
      answer = await this.client.sendRequest<ExplainResult | null>(EXPLAIN_REQUEST, params);
    } catch {
      answer = null;
    }
    return this.panel && generation === this.generation ? answer : null;
  }

  private async shown(doc: vscode.TextDocument, answer: ExplainResult): Promise<void> {
    if (!this.panel) return;
    this.answer = answer;
    this.uri = doc.uri;
    this.panel.title = answer.layer ? t('explain.panelTitle', { label: answer.layer.label }) : t('explain.panelTitleEmpty');
    await this.post({ type: 'explain', answer, strings: pageStrings() });
  }

  /** Runs `f` after a pause; a newer call of the same kind replaces it (an edit's refresh and a cursor move are separate). */
  private schedule(kind: 'edit' | 'cursor', f: () => Promise<void>): void {
    const old = this.timers.get(kind);
    if (old !== undefined) clearTimeout(old);
    this.timers.set(kind, setTimeout(() => {
      this.timers.delete(kind);
      if (this.panel) void f();
    }, REFRESH_DELAY_MS));
  }

  private cancel(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private post(m: ToExplainPage): Thenable<boolean> {
    return this.panel?.webview.postMessage(m) ?? Promise.resolve(false);
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isFromExplainPage(m) || !this.panel) return;
    switch (m.type) {
      case 'ready':
        // The page (new, or rebuilt by the editor) starts empty: give it the layer again.
        if (this.answer) await this.post({ type: 'explain', answer: this.answer, strings: pageStrings() });
        return;
      case 'drawn':
        this.drawnState = m.state;
        this.drawn.fire(m.state);
        return;
      case 'apply':
        return this.apply(m.version, m.fix);
      case 'reveal':
        return this.reveal();
    }
  }

  /** Applies a fix's edit if the file is still the version the fix was computed for. */
  private async apply(version: number, fix: number): Promise<void> {
    const a = this.answer;
    const doc = this.uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri!.toString());
    const edit = a?.version === version ? a.fixes[fix]?.edit : undefined;
    if (!doc || !edit || doc.version !== version) {
      void vscode.window.showWarningMessage(t('explain.applyFailed'));
      await this.refresh();
      return;
    }
    const ok = await vscode.workspace.applyEdit(await this.client.protocol2CodeConverter.asWorkspaceEdit(edit));
    if (!ok) void vscode.window.showWarningMessage(t('explain.applyFailed'));
  }

  private async reveal(): Promise<void> {
    const r = this.answer?.layerRange;
    if (!r || !this.uri) return;
    await selectInEditor(this.uri, this.client.protocol2CodeConverter.asRange(r));
  }

  dispose(): void {
    this.cancel();
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
