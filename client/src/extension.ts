// Extension entry point: builds the activation context, registers the commands and starts the language
// server. Activation does not wait for the server; the returned API's `ready` does.
import type * as vscode from 'vscode';
import type { CnnShapeApi } from './api';
import { onDidShowImagePicker } from './run/pickImages';
import * as commands from './commands';
import { explainLayer } from './explain/command';
import { copyPytorch, exportPytorch } from './exportPytorch';
import { Ctx } from './ctx';
import { registerRunFeatures } from './run';
import { whenPrepared } from './run/prewarm';

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): CnnShapeApi {
  const c = new Ctx(context);
  ctx = c;
  context.subscriptions.push(c);
  c.registerCommand('showSummary', commands.showSummary);
  c.registerCommand('showGraph', commands.showGraph);
  c.registerCommand('explainLayer', explainLayer);
  c.registerCommand('restartServer', commands.restartServer);
  c.registerCommand('exportPytorch', exportPytorch);
  c.registerCommand('copyPytorch', copyPytorch);
  // The runner (cnnShape.runModel, its result pages) registers itself; the context disposes it.
  for (const d of registerRunFeatures(context, c.summaries)) c.pushCleanup(d);
  void c.start();
  return {
    client: c.client,
    get ready() {
      return c.ready;
    },
    summaryPanel: c.summaryPanel,
    graphPanel: c.graphPanel,
    explainPanel: c.explainPanel,
    statusBar: c.statusBar,
    onDidShowImagePicker,
    runnerPrepared: whenPrepared,
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
