// cnnShape.explainLayer [uri, layerIndex]: the code lens and the hover link pass the server's URI
// string and the layer's index; from the command palette, the layer under the active editor's cursor.
import * as vscode from 'vscode';
import type { Cmd, Ctx } from '../ctx';
import { activeCnnEditor, isCnnDocument } from '../documents';
import { t } from '../l10n';

export const EXPLAIN_COMMAND = 'cnnShape.explainLayer';

export function explainLayer(ctx: Ctx): Cmd {
  return async (uriArg?: unknown, indexArg?: unknown) => {
    const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : undefined;
    const index = typeof indexArg === 'number' && Number.isInteger(indexArg) && indexArg >= 0 ? indexArg : undefined;
    const editor = activeCnnEditor();
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc || !isCnnDocument(doc)) {
      void vscode.window.showInformationMessage(t('explain.openModel'));
      return;
    }
    if (index !== undefined) return ctx.explainPanel.show(doc, { layerIndex: index });
    const position = editor && editor.document === doc ? editor.selection.active : new vscode.Position(0, 0);
    return ctx.explainPanel.show(doc, { position });
  };
}
