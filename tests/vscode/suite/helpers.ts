// Shared steps of the editor tests: activate the extension through its API, open a sample from the
// workspace (a temp copy of samples/), and wait on the editor's events, never on the clock. Timeouts
// only turn a hang into a failure that says what was awaited and what was there instead.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CnnShapeApi } from '../../../client/src/api';

export const EXTENSION_ID = 'cnn-shape.cnn-shape';
const WAIT_MS = 20_000;

export async function activateExtension(): Promise<CnnShapeApi> {
  const ext = vscode.extensions.getExtension<CnnShapeApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

/** Opens `name` from the first workspace folder in an editor. */
export async function openSample(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder: the suite expects a copy of samples/ to be open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  return vscode.window.showTextDocument(doc);
}

/** Drops every unsaved change (files back as on disk, untitled buffers gone) and closes every editor. */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    // No "save changes?" dialog: that would block the suite.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function describe(ds: readonly vscode.Diagnostic[]): string {
  return ds.length ? ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`).join('; ') : 'none';
}

/** Resolves with the document's diagnostics once `accept` holds for them (now or after a change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!accept(ds)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
      return true;
    };
    // Listening starts before the first look, so no change can slip in between.
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${what} within ${WAIT_MS} ms; diagnostics: ${describe(vscode.languages.getDiagnostics(uri))}`));
    }, WAIT_MS);
    check();
  });
}

/** Resolves with the first value of `event` that `accept` takes, or at once if `now()` is accepted. */
export function waitForEvent<T>(event: vscode.Event<T>, accept: () => boolean, what: string, describeNow: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (accept()) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what}: not within ${WAIT_MS} ms; now: ${describeNow()}`));
    }, WAIT_MS);
    const sub = event(() => {
      if (!accept()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

export function hintLabel(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
}

/** A file of the first workspace folder (the suite's copy of samples/), by its path parts. */
export function sampleUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** `p`, or a failure that names what was awaited after `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}
