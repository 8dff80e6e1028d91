// What activate() returns: a handle for the extension tests (and other extensions), so that they wait
// on the extension's own promises and events instead of sleeping.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExplainPanel } from './explain/panel';
import type { GraphPanel } from './graph/panel';
import type { SummaryPanel } from './summary/panel';

export interface CnnShapeApi {
  readonly client: LanguageClient;
  /** Settles when the language server has started (after activation or the last restart). */
  readonly ready: Promise<void>;
  readonly summaryPanel: SummaryPanel;
  readonly graphPanel: GraphPanel;
  readonly explainPanel: ExplainPanel;
  readonly statusBar: { readonly item: vscode.StatusBarItem; readonly onDidUpdate: vscode.Event<void> };
  /** Fires with the image picker of "Run Model on Image…" when it opens. */
  readonly onDidShowImagePicker: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
  /** Settles when the runner's session for the model shown last is built ahead (true) or was not (false). */
  runnerPrepared(): Promise<boolean>;
}
