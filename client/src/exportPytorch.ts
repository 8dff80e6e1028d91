// "Export to PyTorch…" and "Copy as PyTorch": the server generates the code (request
// `cnnShape/exportPytorch`, the same exporter as `cnnshape export --pytorch`); the client only writes
// it beside the model and opens it, or puts it on the clipboard.
import * as vscode from 'vscode';
import { EXPORT_PYTORCH_REQUEST, type ExportPytorchResult, type SummaryParams } from '../../server/src/lsp/customRequests';
import type { Cmd, Ctx } from './ctx';
import { activeCnnEditor, isCnnDocument } from './documents';

async function modelDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : activeCnnEditor()?.document;
  if (!doc || !isCnnDocument(doc)) {
    void vscode.window.showInformationMessage('CNN Shape: open a model file (*.cnn.yaml, *.cnn.yml or *.cnn.json) to export it.');
    return undefined;
  }
  return doc;
}

/** The server's code for `doc`, or undefined after telling the user why there is none. */
async function generated(ctx: Ctx, doc: vscode.TextDocument): Promise<ExportPytorchResult | undefined> {
  const params: SummaryParams = { uri: ctx.client.code2ProtocolConverter.asUri(doc.uri), version: doc.version };
  let r: ExportPytorchResult | null;
  try {
    r = await ctx.client.sendRequest<ExportPytorchResult | null>(EXPORT_PYTORCH_REQUEST, params);
  } catch (e) {
    void vscode.window.showErrorMessage(`CNN Shape: the language server could not export the model (${(e as Error).message})`);
    return undefined;
  }
  if (!r) {
    void vscode.window.showErrorMessage('CNN Shape: the language server does not know this document yet; try again in a moment.');
    return undefined;
  }
  if (r.code === undefined) {
    void vscode.window.showErrorMessage(`CNN Shape: not exported. ${r.error ?? ''}`);
    return undefined;
  }
  return r;
}

/** cnnShape.exportPytorch [uri]: writes `<model>.py` beside the model (asking before overwriting) and opens it. */
export function exportPytorch(ctx: Ctx): Cmd {
  return async (arg?: unknown) => {
    const doc = await modelDocument(arg);
    if (!doc) return;
    const r = await generated(ctx, doc);
    if (!r?.code) return;
    const target = doc.uri.scheme === 'file'
      ? vscode.Uri.joinPath(doc.uri, '..', r.fileName)
      : await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(r.fileName), filters: { Python: ['py'] } });
    if (!target) return;
    if (doc.uri.scheme === 'file' && (await exists(target))) {
      const overwrite = 'Overwrite';
      const pick = await vscode.window.showWarningMessage(`${r.fileName} exists beside the model. Overwrite it?`, { modal: true }, overwrite);
      if (pick !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.code));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  };
}

/** cnnShape.copyPytorch [uri]: the same code, on the clipboard. */
export function copyPytorch(ctx: Ctx): Cmd {
  return async (arg?: unknown) => {
    const doc = await modelDocument(arg);
    if (!doc) return;
    const r = await generated(ctx, doc);
    if (!r?.code) return;
    await vscode.env.clipboard.writeText(r.code);
    void vscode.window.setStatusBarMessage('CNN Shape: PyTorch code copied to the clipboard', 3000);
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
