// cnnShape.runModel [modelUri | URI string] [imageUris]: runs the model (the argument, or the active editor's, with
// its unsaved text) on images chosen by the user, in a worker thread with a cancellable progress
// notification, and shows the result page. Returns what the page shows and a promise that settles when
// the page has loaded under its CSP and received its pixels (for tests), or undefined.
// The client analyses nothing: the language server says whether the model has errors (and which rounding
// setting it used), and the worker analyses the text again with that setting, decodes the images and runs.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runInWorker } from '../../../runner/src/engine/client';
import type { PipelineRequest, PipelineResult } from '../../../runner/src/run/pipeline';
import { wallNow } from '../../../runner/src/run/phases';
import { editorSessionRequest } from '../../../runner/src/run/readyKey';
import { checkedModel } from './checkedModel';
import { tellWorkerFailure } from './workerFailure';
import type { Summaries, SummaryResult } from '../summaries';
import { t } from '../l10n';
import { imageSize } from './imageSize';
import { RunPanel, type Zoomed } from './panel';
import { pickImages } from './pickImages';
import { logRunTiming } from './prewarm';
import { PREVIEW_LIMITS, toView, valueRequest, type RunView } from './view';

export interface RunState {
  extensionUri: vscode.Uri;
  summaries: Summaries;
  /** One panel per model (by URI), reused by its next run. */
  panels: Map<string, RunPanel>;
}

export function modelPath(doc: vscode.TextDocument): string {
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
  /** Opens the page's enlarged view of a map (layer -1: the input); settles with its title and cell texts. */
  zoom(image: number, layer: number, channel: number): Promise<Zoomed>;
  /** Fires when the page has followed a colour theme change. */
  onDidFollowTheme: vscode.Event<{ charts: number; colour: string }>;
  /** The run's phases, as the output channel shows them. */
  timing: string | undefined;
}

/** What the command asks the worker to run; prewarm.ts makes the same request ready ahead (no images). */
export function runRequest(doc: vscode.TextDocument, text: string, info: SummaryResult, images: readonly vscode.Uri[]): PipelineRequest {
  return {
    // What the session depends on (profiled: the page shows each layer's time, a few images, so the profiler's cost is small).
    ...editorSessionRequest(modelPath(doc), text, info.defaultRounding),
    images: images.map((u) => u.fsPath),
    // The worker previews the layers whose output is shown as feature maps.
    previews: { ...PREVIEW_LIMITS },
    // Exact values of the small layers: the enlarged maps' numbers and the dense/softmax bars.
    ...valueRequest(info.summary.rows, info.summary.input),
  };
}

export async function runModel(state: RunState, arg?: unknown, imagesArg?: unknown): Promise<RunOutcome | undefined> {
  // The run's phases are timed from the command, or from the choice of images when the user picks them.
  let started = wallNow();
  // A Uri from the editor title menu, or a URI string from the language server's "▶ Run" code lens.
  const model = await checkedModel(state.summaries, arg, true);
  if (!model) return undefined;
  const { doc, text, info } = model;
  let images = asUris(imagesArg);
  if (!images) {
    images = await pickImages(doc.uri);
    started = wallNow();
  }
  if (!images || images.length === 0) return undefined;

  const title = info.summary.title;
  // The page opens now and loads while the network runs; the result then draws at once.
  const panel = panelFor(state, doc.uri);
  panel.showRunning(title, images.length);
  const unshown = () => {
    if (!panel.restore()) panel.dispose();
  };
  let result: PipelineResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('run.progressTitle', { title }), cancellable: true },
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
    unshown();
    tellWorkerFailure(e, 'run.cancelled');
    return undefined;
  }
  const timing = logRunTiming(title, started, result);
  if (result.errors.length) {
    const first = result.errors[0]!;
    void vscode.window.showWarningMessage(t('run.imagesFailed', { count: result.errors.length, first: first.error }));
  }
  if (result.outputs.length === 0) {
    unshown();
    return undefined;
  }
  const originals = await Promise.all(result.outputs.map((o) => imageSize(o.image)));
  const { view, pixels } = toView(result, vscode.workspace.asRelativePath(doc.uri), originals);
  const shown = new Promise<{ canvases: number; charts: number }>((resolve) => {
    const d = panel.onDidDraw((counts) => {
      d.dispose();
      resolve(counts);
    });
  });
  panel.show(view, pixels);
  return { view, shown, zoom: (image, layer, channel) => panel.zoom(image, layer, channel), onDidFollowTheme: panel.onDidFollowTheme, timing };
}

/** The model's panel, else a new one in the column where another run page is (no new split each time). */
function panelFor(state: RunState, model: vscode.Uri): RunPanel {
  const key = model.toString();
  const existing = state.panels.get(key);
  if (existing) return existing;
  const column = [...state.panels.values()].map((p) => p.webviewPanel.viewColumn).find((c) => c !== undefined) ?? vscode.ViewColumn.Beside;
  const panel = new RunPanel(state.extensionUri, model, state.summaries, column);
  state.panels.set(key, panel);
  panel.webviewPanel.onDidDispose(() => state.panels.delete(key));
  return panel;
}
