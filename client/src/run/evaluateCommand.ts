// cnnShape.evaluateFolder [modelUri | URI string] [folderUri]: evaluates the model (the argument, or the
// active editor's, with its unsaved text) on a folder in the ImageFolder layout chosen by the user,
// through the runner's evaluation (runner/src/run/evaluate.ts, the same as `cnnshape eval`) in a worker,
// with a cancellable progress notification counting the images, and shows the evaluation page.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { evaluateInWorker } from '../../../runner/src/engine/client';
import type { EvaluationRun } from '../../../runner/src/run/evaluate';
import { checkedModel } from './checkedModel';
import { tellWorkerFailure } from './workerFailure';
import { t } from '../l10n';
import type { Summaries } from '../summaries';
import type { EvaluationView } from './evalHtml';
import { EvaluationPanel } from './evalPanel';

export interface EvaluationState {
  extensionUri: vscode.Uri;
  summaries: Summaries;
  panels: Map<string, EvaluationPanel>;
}

export interface EvaluationOutcome {
  view: EvaluationView;
  /** Settles when the page has loaded under its CSP, with the number of matrix cells it holds. */
  shown: Promise<{ cells: number }>;
  /** Opens worst image `index` as a click on it does. */
  openWorst(index: number): Promise<vscode.Uri | undefined>;
}

function modelPath(doc: vscode.TextDocument): string {
  if (doc.uri.scheme === 'file') return doc.uri.fsPath;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return path.join(folder, path.basename(doc.uri.path) || 'untitled.cnn.yaml');
}

async function pickFolder(model: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(model, '..'),
    openLabel: t('evaluate.pickFolder'),
    title: t('evaluate.pickFolderTitle'),
  });
  return picked?.[0];
}

export async function evaluateFolder(state: EvaluationState, arg?: unknown, folderArg?: unknown): Promise<EvaluationOutcome | undefined> {
  const model = await checkedModel(state.summaries, arg, false);
  if (!model) return undefined;
  const { doc, text, info } = model;
  const folder = folderArg instanceof vscode.Uri ? folderArg : await pickFolder(doc.uri);
  if (!folder) return undefined;
  const title = info.summary.title;
  const folderLabel = vscode.workspace.asRelativePath(folder);
  let run: EvaluationRun;
  try {
    run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('evaluate.progressTitle', { title, folder: folderLabel }), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        let shown = 0;
        return evaluateInWorker(
          {
            modelFile: modelPath(doc),
            text,
            defaultRounding: info.defaultRounding,
            dataset: folder.fsPath,
          },
          {
            signal: abort.signal,
            onCounted: (done, total) => {
              // The bar moves by increments: report each image's share since the last report.
              const now = (done / Math.max(1, total)) * 100;
              progress.report({ message: t('evaluate.progressCount', { done, total }), increment: now - shown });
              shown = now;
            },
          },
        );
      },
    );
  } catch (e) {
    tellWorkerFailure(e, 'evaluate.cancelled');
    return undefined;
  }
  if (run.errors.length) void vscode.window.showWarningMessage(t('evaluate.imagesFailed', { count: run.errors.length, first: run.errors[0]!.error }));
  const view: EvaluationView = {
    title,
    folder: folderLabel,
    run,
    worstNames: run.worst.map((w) => path.relative(folder.fsPath, w.image) || path.basename(w.image)),
  };
  const panel = panelFor(state, doc.uri);
  const shown = new Promise<{ cells: number }>((resolve) => {
    const d = panel.onDidLoad((x) => {
      d.dispose();
      resolve(x);
    });
  });
  panel.show(view);
  return { view, shown, openWorst: (i) => panel.openWorst(i) };
}

function panelFor(state: EvaluationState, model: vscode.Uri): EvaluationPanel {
  const key = model.toString();
  const existing = state.panels.get(key);
  if (existing) return existing;
  const panel = new EvaluationPanel(state.extensionUri, vscode.ViewColumn.Beside);
  state.panels.set(key, panel);
  panel.webviewPanel.onDidDispose(() => state.panels.delete(key));
  return panel;
}
