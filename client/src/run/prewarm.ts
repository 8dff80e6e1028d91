// Gets the runner ready before "Run Model on Image…" is asked for: a worker with onnxruntime loaded as
// soon as the extension starts (that is, with the first model file), and the session of the model shown
// in the editor built in it (weights, graph, warm-up pass), so that the command only decodes and runs.
// The runner keeps one such worker and makes it ready again after each run (engine/client.ts). Each
// run's phases go to the "CNN Shape Runner" output channel.
import * as vscode from 'vscode';
import { prewarmRunner, spareReady, stopSpareRunner } from '../../../runner/src/engine/client';
import type { PipelineResult } from '../../../runner/src/run/pipeline';
import { phaseTimes } from '../../../runner/src/run/phases';
import { isCnnDocument } from '../documents';
import { t } from '../l10n';
import type { Summaries } from '../summaries';
import { runRequest } from './command';

/** After the editor settles on a model file: building a session is worth it only for one the user stays on. */
const SETTLE_MS = 800;

let channel: vscode.OutputChannel | undefined;

/** Whether the runner's spare worker has the session of the model last shown or run (the API's runnerPrepared, for tests). */
export function whenPrepared(): Promise<boolean> {
  return spareReady();
}

export function registerPrewarm(summaries: Summaries): vscode.Disposable[] {
  prewarmRunner().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const prepare = (doc: vscode.TextDocument | undefined) => {
    if (timer) clearTimeout(timer);
    if (!doc || !isCnnDocument(doc)) return;
    timer = setTimeout(() => void prepareFor(doc, summaries), SETTLE_MS);
  };
  prepare(vscode.window.activeTextEditor?.document);
  return [
    vscode.window.onDidChangeActiveTextEditor((e) => prepare(e?.document)),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) prepare(d);
    }),
    { dispose: () => (timer ? clearTimeout(timer) : undefined) },
    { dispose: () => void stopSpareRunner() },
    { dispose: () => channel?.dispose() },
  ];
}

/** Makes the run of `doc` as it is now ready in the spare worker; nothing when the server finds errors. */
export async function prepareFor(doc: vscode.TextDocument, summaries: Summaries): Promise<boolean> {
  const text = doc.getText();
  const info = await summaries.of(doc);
  if (!info || info.summary.errors > 0 || doc.getText() !== text) return false;
  return prewarmRunner(runRequest(doc, text, info, []));
}

/** One line per run in the output channel: how long the first result took and its phases. */
export function logRunTiming(title: string, started: number, result: PipelineResult): string | undefined {
  const rows = phaseTimes(result.timing ?? [], started);
  const first = rows.find((r) => r.phase === 'run');
  if (!first) return undefined;
  channel ??= vscode.window.createOutputChannel(t('runner.outputChannel'));
  const phases = rows.map((r) => `${r.phase} +${Math.round(r.ms)}`).join(', ');
  const line = t('runner.runTiming', { title, total: Math.round(first.total), phases });
  channel.appendLine(line);
  return line;
}
