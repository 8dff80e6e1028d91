// The commands, each a small factory of the activation context (registered in extension.ts).
import * as vscode from 'vscode';
import type { Cmd, Ctx } from './ctx';
import { activeCnnEditor, isCnnDocument } from './documents';
import { t } from './l10n';

/** cnnShape.showSummary [uri]: the summary of that model file, or of the active editor's. */
export function showSummary(ctx: Ctx): Cmd {
  return async (arg?: unknown) => {
    const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : activeCnnEditor()?.document;
    if (!doc || !isCnnDocument(doc)) {
      void vscode.window.showInformationMessage(t('client.openModelForSummary'));
      return;
    }
    await ctx.summaryPanel.show(doc);
  };
}

/** cnnShape.showGraph [uri]: the graph of that model file, or of the active editor's. */
export function showGraph(ctx: Ctx): Cmd {
  return async (arg?: unknown) => {
    // The code lens passes the URI as a string (the server's), the editor title a vscode.Uri.
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeCnnEditor()?.document;
    if (!doc || !isCnnDocument(doc)) {
      void vscode.window.showInformationMessage(t('client.openModelForGraph'));
      return;
    }
    await ctx.graphPanel.show(doc);
  };
}

/** cnnShape.restartServer */
export function restartServer(ctx: Ctx): Cmd {
  return async () => {
    await ctx.restart();
    void vscode.window.setStatusBarMessage(t('client.serverRestarted'), 3000);
  };
}
