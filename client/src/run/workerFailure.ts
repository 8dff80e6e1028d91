// How a run or an evaluation that did not finish is told, as both commands tell it: cancelled, a line in
// the status bar; a problem with the model, weights or images, as the worker said it; anything else, as
// an internal error. The worker's message is made one line (an error notification shows one).
import * as vscode from 'vscode';
import { RunCancelled } from '../../../runner/src/engine/client';
import { RunnerError } from '../../../runner/src/errors';
import type { MessageId } from '../../../core/src/index';
import { t } from '../l10n';

export function tellWorkerFailure(e: unknown, cancelled: MessageId): void {
  if (e instanceof RunCancelled) {
    vscode.window.setStatusBarMessage(t(cancelled), 3000);
    return;
  }
  const user = e instanceof RunnerError && e.user;
  const message = (e as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' · ');
  void vscode.window.showErrorMessage(t(user ? 'run.failed' : 'run.internalError', { message }));
}
