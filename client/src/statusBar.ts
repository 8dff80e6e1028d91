// The status-bar item with the active model's totals ("61.71 K params · 442.37 K MACs"), as the language
// server counts them; a click opens the summary. Hidden unless a model file is in the active editor.
import * as vscode from 'vscode';
import { grouped, macsLabel } from '../../core/src/index';
import { activeCnnEditor } from './documents';
import type { Summaries } from './summaries';
import { t } from './l10n';

const UPDATE_DELAY_MS = 150;

export class TotalsStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts updates, so that a late answer for an older one is dropped. */
  private generation = 0;
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.updated];
  /** Fires after each update of the item (shown or hidden). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly summaries: Summaries) {
    this.item = vscode.window.createStatusBarItem('cnnShape.totals', vscode.StatusBarAlignment.Right, 100);
    this.item.name = t('client.statusName');
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // A language change (Change Language Mode) closes and reopens the document under the new id.
      vscode.workspace.onDidOpenTextDocument(() => void this.update()),
    );
  }

  /** Asks the server now; also called after a settings change and when the server (re)starts. */
  async update(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const generation = ++this.generation;
    const editor = activeCnnEditor();
    const answer = editor && (await this.summaries.of(editor.document));
    if (generation !== this.generation) return;
    if (!editor || !answer) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const { totals, errors } = answer.summary;
    this.item.text = `${errors ? '$(error) ' : ''}${t('client.statusText', { params: macsLabel(totals.params), macs: macsLabel(totals.macs) })}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    // Only digits and commas go into the Markdown: nothing from the file.
    tooltip.appendMarkdown(`${t('client.statusParameters', { params: grouped(totals.params) })}  \n${t('client.statusMacs', { macs: grouped(totals.macs) })}  \n`);
    if (errors) tooltip.appendMarkdown(`$(error) ${errors === 1 ? t('client.statusOneError') : t('client.statusErrors', { errors })}  \n`);
    tooltip.appendMarkdown(t('client.statusClick'));
    this.item.tooltip = tooltip;
    this.item.command = { title: t('client.showSummaryTitle'), command: 'cnnShape.showSummary', arguments: [editor.document.uri] };
    this.item.show();
    this.updated.fire();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
