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
import { modelPath, runRequest } from './command';
import { editorSessionRequest } from '../../../runner/src/run/readyKey';
import type { Rounding } from '../../../core/src/index';

/**
 * After the editor settles on a model file, or the typing in it pauses: building a session is worth it
 * only for a version the user stays on (a newer one replaces it in the worker, which holds one at a time).
 */
const SETTLE_MS = 800;

let channel: vscode.OutputChannel | undefined;

/** A preparation waiting for the editor to settle: settles with its outcome (or its successor's). */
let scheduled: { outcome: Promise<boolean>; settle: (made: Promise<boolean>) => void } | undefined;

/**
 * Whether the runner's spare worker has the session of the model last shown, edited or run, once the
 * preparation waiting for the editor to settle (if any) is done (the API's runnerPrepared, for tests).
 */
export function whenPrepared(): Promise<boolean> {
  return scheduled?.outcome ?? spareReady();
}

export function registerPrewarm(summaries: Summaries): vscode.Disposable[] {
  prewarmRunner().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  // The model that activated the extension is prepared at once: a first run may follow within seconds.
  let first = true;
  const prepare = (doc: vscode.TextDocument | undefined) => {
    // Another editor (a text file, the run page) leaves the last model's preparation as it is.
    if (!doc || !isCnnDocument(doc)) return;
    if (timer) clearTimeout(timer);
    const wait = first ? 0 : SETTLE_MS;
    first = false;
    if (!scheduled) {
      let settle: (made: Promise<boolean>) => void = () => {};
      const outcome = new Promise<boolean>((resolve) => (settle = resolve));
      scheduled = { outcome, settle };
    }
    timer = setTimeout(() => {
      const s = scheduled;
      scheduled = undefined;
      s?.settle(prepareFor(doc, summaries).catch(() => false));
    }, wait);
  };
  prepare(vscode.window.activeTextEditor?.document);
  return [
    vscode.window.onDidChangeActiveTextEditor((e) => prepare(e?.document)),
    // The unsaved text is what a run takes: each pause in the typing prepares it (a version with errors
    // is not built). A model edited in view, whether or not its editor has the focus (the run page may).
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && vscode.window.visibleTextEditors.some((v) => v.document === e.document)) prepare(e.document);
    }),
    {
      dispose: () => {
        if (timer) clearTimeout(timer);
        scheduled?.settle(Promise.resolve(false));
        scheduled = undefined;
      },
    },
    { dispose: () => void stopSpareRunner() },
    { dispose: () => channel?.dispose() },
  ];
}

/**
 * Makes the run of `doc` as it is now ready in the spare worker: at once with the rounding setting (the
 * language server may be slow to answer for a file just opened; the worker does not build a model with
 * errors), then as the server's summary has it (the same request unless the server's rounding differs).
 */
export async function prepareFor(doc: vscode.TextDocument, summaries: Summaries): Promise<boolean> {
  const text = doc.getText();
  const early = prewarmRunner(editorSessionRequest(modelPath(doc), text, roundingSetting(doc)));
  const info = await summaries.of(doc);
  if (!info || info.summary.errors > 0 || doc.getText() !== text) return false;
  return info.defaultRounding === roundingSetting(doc) ? early : prewarmRunner(runRequest(doc, text, info, []));
}

/** Every rounding (a Record, so that one added to the type is a compile error here); not the core's ROUNDINGS, which would bring its parser into this bundle. */
const ROUNDING_NAMES: Record<Rounding, true> = { strict: true, floor: true, ceil: true };

/** cnnShape.rounding.default as the language server reads it (server/src/lsp/settings.ts): strict unless one of the roundings. */
function roundingSetting(doc: vscode.TextDocument): Rounding {
  const v = vscode.workspace.getConfiguration('cnnShape', doc.uri).get<unknown>('rounding.default');
  return typeof v === 'string' && Object.hasOwn(ROUNDING_NAMES, v) ? (v as Rounding) : 'strict';
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
