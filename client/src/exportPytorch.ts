// "Export to PyTorch…" and "Copy as PyTorch": the server generates the code (request
// `cnnShape/exportPytorch`, the same exporter as `cnnshape export --pytorch`); the client only writes
// it beside the model and opens it, or puts it on the clipboard.
import * as vscode from 'vscode';
import { EXPORT_PYTORCH_REQUEST, type ExportPytorchResult, type SummaryParams } from '../../server/src/lsp/customRequests';
import type { Cmd, Ctx } from './ctx';
import { activeCnnEditor, isCnnDocument } from './documents';
import { t } from './l10n';

async function modelDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : activeCnnEditor()?.document;
  if (!doc || !isCnnDocument(doc)) {
    void vscode.window.showInformationMessage(t('client.openModelForExport'));
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
    void vscode.window.showErrorMessage(t('client.exportFailed', { reason: (e as Error).message }));
    return undefined;
  }
  if (!r) {
    void vscode.window.showErrorMessage(t('client.exportUnknownDocument'));
    return undefined;
  }
  if (r.code === undefined) {
    void vscode.window.showErrorMessage(t('client.notExported', { reason: r.error ?? '' }));
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
      const overwrite = t('client.overwrite');
      const pick = await vscode.window.showWarningMessage(t('client.overwriteQuestion', { file: r.fileName }), { modal: true }, overwrite);
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
    void vscode.window.setStatusBarMessage(t('client.pytorchCopied'), 3000);
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
