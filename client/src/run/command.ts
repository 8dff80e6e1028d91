// cnnShape.runModel [modelUri | URI string] [imageUris]: runs the model (the argument, or the active editor's, with
// its unsaved text) on images chosen by the user, in a worker thread with a cancellable progress
// notification, and shows the result page. Returns what the page shows and a promise that settles when
// the page has loaded under its CSP and received its pixels (for tests), or undefined.
// The client analyses nothing: the language server says whether the model has errors (and which rounding
// setting it used), and the worker analyses the text again with that setting, decodes the images and runs.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RunCancelled, runInWorker } from '../../../runner/src/engine/client';
import { RunnerError } from '../../../runner/src/errors';
import type { PipelineRequest, PipelineResult } from '../../../runner/src/run/pipeline';
import { wallNow } from '../../../runner/src/run/phases';
import { activeCnnEditor, isCnnDocument } from '../documents';
import type { Summaries, SummaryResult } from '../summaries';
import { RunPanel } from './panel';
import { pickImages } from './pickImages';
import { logRunTiming } from './prewarm';
import { PREVIEW_LIMITS, toView, type RunView } from './view';

export interface RunState {
  extensionUri: vscode.Uri;
  summaries: Summaries;
  panels: Set<RunPanel>;
}

function modelPath(doc: vscode.TextDocument): string {
  if (doc.uri.scheme === 'file') return doc.uri.fsPath;
  // An untitled buffer: relative paths (weights, labels) resolve against the first workspace folder.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return path.join(folder, path.basename(doc.uri.path) || 'untitled.cnn.yaml');
}

function asUris(v: unknown): vscode.Uri[] | undefined {
  return Array.isArray(v) && v.every((x) => x instanceof vscode.Uri) ? v : undefined;
}

export interface RunOutcome {
  view: RunView;
  /** Settles when the page has drawn: how many canvases it filled and charts it made. */
  shown: Promise<{ canvases: number; charts: number }>;
  /** The run's phases, as the output channel shows them. */
  timing: string | undefined;
}

/** What the command asks the worker to run; prewarm.ts makes the same request ready ahead (no images). */
export function runRequest(doc: vscode.TextDocument, text: string, info: SummaryResult, images: readonly vscode.Uri[]): PipelineRequest {
  return {
    modelFile: modelPath(doc),
    text,
    defaultRounding: info.defaultRounding,
    images: images.map((u) => u.fsPath),
    // The worker previews the layers whose output is shown as feature maps.
    previews: { ...PREVIEW_LIMITS },
    // The page shows each layer's time: a few images, so the profiler's cost is small.
    profile: true,
  };
}

export async function runModel(state: RunState, arg?: unknown, imagesArg?: unknown): Promise<RunOutcome | undefined> {
  // The run's phases are timed from the command, or from the choice of images when the user picks them.
  let started = wallNow();
  // A Uri from the editor title menu, or a URI string from the language server's "▶ Run" code lens.
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg, true) : undefined;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeCnnEditor()?.document;
  if (!doc || !isCnnDocument(doc)) {
    void vscode.window.showInformationMessage('CNN Shape: open a model file (*.cnn.yaml, *.cnn.yml or *.cnn.json) to run it on an image.');
    return undefined;
  }
  // The text of the version the server is asked about: what it checked is what runs.
  const text = doc.getText();
  const info = await state.summaries.of(doc);
  if (!info) {
    void vscode.window.showErrorMessage('CNN Shape: the language server did not answer, so the model was not checked; try "CNN Shape: Restart Language Server".');
    return undefined;
  }
  const errors = info.summary.errors;
  if (errors > 0) {
    const first = info.firstError;
    const where = first ? ` Line ${first.range.start.line + 1}: ${first.message}` : '';
    void vscode.window
      .showErrorMessage(`CNN Shape: the model has ${errors} error${errors > 1 ? 's' : ''}; fix ${errors > 1 ? 'them' : 'it'} before running.${where}`, 'Show Problems')
      .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    return undefined;
  }
  let images = asUris(imagesArg);
  if (!images) {
    images = await pickImages(doc.uri);
    started = wallNow();
  }
  if (!images || images.length === 0) return undefined;

  const title = info.summary.title;
  let result: PipelineResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `CNN Shape: running ${title}`, cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runInWorker(
          runRequest(doc, text, info, images),
          { signal: abort.signal, onProgress: (message) => progress.report({ message }) },
        );
      },
    );
  } catch (e) {
    if (e instanceof RunCancelled) {
      vscode.window.setStatusBarMessage('CNN Shape: run cancelled', 3000);
      return undefined;
    }
    const user = e instanceof RunnerError && e.user;
    const message = (e as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' · ');
    void vscode.window.showErrorMessage(`CNN Shape: ${user ? '' : 'internal error: '}${message}`);
    return undefined;
  }
  const timing = logRunTiming(title, started, result);
  if (result.errors.length) {
    const first = result.errors[0]!;
    void vscode.window.showWarningMessage(`CNN Shape: ${result.errors.length} image${result.errors.length > 1 ? 's' : ''} could not be run: ${first.error}`);
  }
  if (result.outputs.length === 0) return undefined;
  const { view, pixels } = toView(result, vscode.workspace.asRelativePath(doc.uri));
  const panel = new RunPanel(state.extensionUri, doc.uri, view, pixels, state.summaries);
  state.panels.add(panel);
  panel.webviewPanel.onDidDispose(() => state.panels.delete(panel));
  const shown = new Promise<{ canvases: number; charts: number }>((resolve) => {
    const d = panel.onDidDraw((counts) => {
      d.dispose();
      resolve(counts);
    });
  });
  return { view, shown, timing };
}
