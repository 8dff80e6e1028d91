// The runner in the editor: the command "CNN Shape: Run Model on Image…" (cnnShape.runModel) and its
// result pages. extension.ts calls registerRunFeatures once at activation.
import * as vscode from 'vscode';
import type { Summaries } from '../summaries';
import { runModel, type RunState } from './command';
import { registerPrewarm } from './prewarm';

export function registerRunFeatures(context: vscode.ExtensionContext, summaries: Summaries): vscode.Disposable[] {
  const state: RunState = { extensionUri: context.extensionUri, summaries, panels: new Set() };
  return [
    vscode.commands.registerCommand('cnnShape.runModel', (arg?: unknown, images?: unknown) => runModel(state, arg, images)),
    { dispose: () => [...state.panels].forEach((p) => p.dispose()) },
    ...registerPrewarm(summaries),
  ];
}
