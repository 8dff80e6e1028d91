// The client's view of a model: it asks the language server (request `cnnShape/summary`, see
// docs/editors.md) instead of analysing documents itself, so the extension carries no parser.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ANALYSES_CHANGED_NOTIFICATION, SUMMARY_REQUEST, type SummaryParams, type SummaryResult } from '../../server/src/lsp/customRequests';

export type { SummaryResult };

export class Summaries implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Fires when the server says its analyses changed for another reason than an edit (settings). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(client.onNotification(ANALYSES_CHANGED_NOTIFICATION, () => this.changed.fire()));
  }

  /**
   * The server's summary of `doc` at the version the editor has now, or undefined when the server
   * cannot answer (not running, or the document is not a model it knows).
   */
  async of(doc: vscode.TextDocument): Promise<SummaryResult | undefined> {
    const params: SummaryParams = { uri: this.client.code2ProtocolConverter.asUri(doc.uri), version: doc.version };
    try {
      return (await this.client.sendRequest<SummaryResult | null>(SUMMARY_REQUEST, params)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** The range of layer `index` in `doc` now (for "go to layer"). */
  async layerRange(doc: vscode.TextDocument, index: number): Promise<vscode.Range | undefined> {
    const r = (await this.of(doc))?.layerRanges[index];
    return r && this.client.protocol2CodeConverter.asRange(r);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
