// The settings reach the server, and "Restart Server" brings it back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CnnShapeApi } from '../../../client/src/api';
import { activateExtension, codeOf, fullRange, hintLabel, openSample, revertAndCloseAll, waitForDiagnostics } from './helpers';

const CODE = 'non-integer-output';
const isNonInteger = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => codeOf(d) === CODE && d.severity === severity);

suite('Settings and server restart', () => {
  let api: CnnShapeApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(async () => {
    const cfg = vscode.workspace.getConfiguration('cnnShape');
    await cfg.update('rounding.default', undefined, vscode.ConfigurationTarget.Global);
    await cfg.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global);
    await revertAndCloseAll();
  });

  test('cnnShape.inlayHints.enabled: false leaves no hints', async () => {
    const { document: doc } = await openSample('stride3-not-whole.cnn.yaml');
    await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Error), `${CODE} error`);
    const hints = () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, fullRange(doc));
    assert.ok((await hints()).length > 0, 'hints are on by default');
    const cfg = vscode.workspace.getConfiguration('cnnShape');
    await cfg.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Global);
    // Hints have no change event to wait on, diagnostics do: change the rounding after the hints setting.
    // The server takes settings changes in order, so once the rounding shows, the hints setting is in too.
    await cfg.update('rounding.default', 'floor', vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Information), 'the later rounding setting in effect');
    assert.deepEqual((await hints()).map(hintLabel), []);
  });

  test('cnnShape.rounding.default: floor turns the error into a note, for files without rounding:', async () => {
    const { document: doc } = await openSample('stride3-not-whole.cnn.yaml');
    assert.ok(!/^rounding:/m.test(doc.getText()), 'the sample must not set rounding itself');
    await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Error), `${CODE} error`);
    await vscode.workspace.getConfiguration('cnnShape').update('rounding.default', 'floor', vscode.ConfigurationTarget.Global);
    const ds = await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Information), `${CODE} at information severity`);
    assert.equal(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);
    await vscode.workspace.getConfiguration('cnnShape').update('rounding.default', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Error), `${CODE} error again after the setting is removed`);
  });

  test('Restart Server: the server comes back and checks again', async () => {
    const { document: doc } = await openSample('stride3-not-whole.cnn.yaml');
    await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Error), `${CODE} error`);
    await vscode.commands.executeCommand('cnnShape.restartServer');
    await api.ready;
    assert.equal(api.client.isRunning(), true);
    // A fresh server knows the document again: its hover answers.
    const at = doc.positionAt(doc.getText().indexOf('{type: conv') + '{type: c'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    assert.ok(hovers.length > 0, 'no hover after the restart');
    await waitForDiagnostics(doc.uri, isNonInteger(vscode.DiagnosticSeverity.Error), `${CODE} error after the restart`);
  });
});
