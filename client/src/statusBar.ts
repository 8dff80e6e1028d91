// The status-bar item with the active model's totals ("61.71 K params · 442.37 K MACs"); a click opens
// the summary. Hidden unless a model file is in the active editor.
import * as vscode from 'vscode';
import { grouped, macsLabel } from '../../core/src/index';
import type { Analyses } from './analyses';
import { activeCnnEditor } from './documents';

const UPDATE_DELAY_MS = 150;

export class TotalsStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.updated];
  /** Fires after each update of the item (shown or hidden). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly analyses: Analyses) {
    this.item = vscode.window.createStatusBarItem('cnnShape.totals', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'CNN Shape: model totals';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // A language change (Change Language Mode) closes and reopens the document under the new id.
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
    );
    this.update();
  }

  /** Recomputes now; also called after a settings change. */
  update(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const editor = activeCnnEditor();
    if (!editor) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const a = this.analyses.of(editor.document);
    const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
    this.item.text = `${errors ? '$(error) ' : ''}${macsLabel(a.totals.params)} params · ${macsLabel(a.totals.macs)} MACs`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    // Only digits and commas go into the Markdown: nothing from the file.
    tooltip.appendMarkdown(`Parameters: **${grouped(a.totals.params)}**  \nMACs: **${grouped(a.totals.macs)}**  \n`);
    if (errors) tooltip.appendMarkdown(`$(error) ${errors} error${errors === 1 ? '' : 's'}: the totals count only the layers whose shape is known.  \n`);
    tooltip.appendMarkdown('Click to show the model summary.');
    this.item.tooltip = tooltip;
    this.item.command = { title: 'Show Model Summary', command: 'cnnShape.showSummary', arguments: [editor.document.uri] };
    this.item.show();
    this.updated.fire();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
