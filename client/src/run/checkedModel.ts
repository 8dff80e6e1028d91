// The model a run or an evaluation is about, as both commands take it: the document named by the
// command's argument (a Uri from a menu, a URI string from a code lens) or the active model editor, with
// the server's summary of the very text that will run. A model with errors is refused with its first
// error (and, for a run, a button to the Problems view); no model or no server says so.
import * as vscode from 'vscode';
import { activeCnnEditor, isCnnDocument } from '../documents';
import { t } from '../l10n';
import type { Summaries, SummaryResult } from '../summaries';

export interface CheckedModel {
  doc: vscode.TextDocument;
  /** The text of the version the server was asked about: what it checked is what runs. */
  text: string;
  info: SummaryResult;
}

export async function checkedModel(summaries: Summaries, arg: unknown, offerProblems: boolean): Promise<CheckedModel | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg, true) : undefined;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeCnnEditor()?.document;
  if (!doc || !isCnnDocument(doc)) {
    void vscode.window.showInformationMessage(t('run.openModel'));
    return undefined;
  }
  const text = doc.getText();
  const info = await summaries.of(doc);
  if (!info) {
    void vscode.window.showErrorMessage(t('run.noServer'));
    return undefined;
  }
  const errors = info.summary.errors;
  if (errors === 0) return { doc, text, info };
  const first = info.firstError;
  const message = first ? t('run.modelHasErrorsAt', { count: errors, line: first.range.start.line + 1, message: first.message }) : t('run.modelHasErrors', { count: errors });
  if (!offerProblems) void vscode.window.showErrorMessage(message);
  else {
    void vscode.window
      .showErrorMessage(message, t('run.showProblems'))
      .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
  }
  return undefined;
}
