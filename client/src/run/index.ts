// The runner in the editor: the commands "CNN Shape: Run Model on Image…" (cnnShape.runModel) and
// "CNN Shape: Evaluate on Folder…" (cnnShape.evaluateFolder) and their pages. extension.ts calls
// registerRunFeatures once at activation.
import * as vscode from 'vscode';
import type { Summaries } from '../summaries';
import { runModel, type RunState } from './command';
import { evaluateFolder, type EvaluationState } from './evaluateCommand';
import { registerPrewarm } from './prewarm';

export function registerRunFeatures(context: vscode.ExtensionContext, summaries: Summaries): vscode.Disposable[] {
  const state: RunState = { extensionUri: context.extensionUri, summaries, panels: new Map() };
  const evaluation: EvaluationState = { extensionUri: context.extensionUri, summaries, panels: new Map() };
  return [
    vscode.commands.registerCommand('cnnShape.runModel', (arg?: unknown, images?: unknown) => runModel(state, arg, images)),
    vscode.commands.registerCommand('cnnShape.evaluateFolder', (arg?: unknown, folder?: unknown) => evaluateFolder(evaluation, arg, folder)),
    {
      dispose: () => {
        [...state.panels.values()].forEach((p) => p.dispose());
        [...evaluation.panels.values()].forEach((p) => p.dispose());
      },
    },
    ...registerPrewarm(summaries),
  ];
}
