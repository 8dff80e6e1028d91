// The language server's features as the editor sees them, on the tutorial's stride-3 sample
// (samples/stride3-not-whole.cnn.yaml: (32 − 4)/3 + 1 = 10.33, Chinese comments and an emoji above the
// layer, so a position counted in bytes or code points would land in the wrong place).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, type Analysis } from '../../../core/src/index';
import { resultLabel, shapeLabel } from '../../../core/src/index';
import { activateExtension, codeOf, fullRange, hintLabel, hoverText, openSample, revertAndCloseAll, waitForDiagnostics } from './helpers';

const SAMPLE = 'stride3-not-whole.cnn.yaml';
const CODE = 'non-integer-output';

function coreAnalysis(doc: vscode.TextDocument): Analysis {
  return analyze({ text: doc.getText(), fileName: doc.fileName });
}

function nonInteger(ds: vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return ds.find((d) => codeOf(d) === CODE);
}

suite('Language features in the editor', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertAndCloseAll);

  test(`a ${CODE} error on the conv layer, at the range the core gives, with the arithmetic`, async () => {
    const { document: doc } = await openSample(SAMPLE);
    assert.equal(doc.languageId, 'cnn-yaml');
    const ds = await waitForDiagnostics(doc.uri, (d) => nonInteger(d) !== undefined, `${CODE} diagnostic`);
    const d = nonInteger(ds)!;
    const expected = coreAnalysis(doc).diagnostics.find((c) => c.code === CODE);
    assert.ok(expected, 'the core finds the error too');
    assert.deepEqual(d.range, new vscode.Range(doc.positionAt(expected.span.start), doc.positionAt(expected.span.end)));
    // The stride is the value at fault (issue 9): the squiggle is on it, not on the layer's type.
    assert.equal(doc.getText(d.range), '3');
    assert.equal(doc.lineAt(d.range.start.line).text.slice(0, d.range.start.character).trimEnd().endsWith('stride:'), true);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /\(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33/);
    assert.equal(ds.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).length, 1, 'one mistake, one error');
  });

  test('hover on the layer shows its shapes and the arithmetic per axis', async () => {
    const { document: doc } = await openSample(SAMPLE);
    const d = nonInteger(await waitForDiagnostics(doc.uri, (x) => nonInteger(x) !== undefined, `${CODE} diagnostic`))!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
    const text = hoverText(hovers);
    const layer = coreAnalysis(doc).layers[0]!;
    // The output as the core labels it: a size that was not whole is marked (⚠ 10×10×8 (10.33 → 10)).
    assert.ok(text.includes(`${shapeLabel(layer.inputShapes[0])} → ${resultLabel(layer)}`), text);
    for (const line of layer.arithmetic) {
      const formula = line.slice(line.indexOf(': ') + 2);
      assert.ok(text.includes(formula), `hover lacks "${formula}":\n${text}`);
    }
    assert.ok(text.includes('10.33'), text);
  });

  test('inlay hints give every layer its output shape', async () => {
    const { document: doc } = await openSample(SAMPLE);
    await waitForDiagnostics(doc.uri, (x) => nonInteger(x) !== undefined, `${CODE} diagnostic`);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, fullRange(doc));
    const labels = hints.map(hintLabel);
    const layers = coreAnalysis(doc).layers;
    assert.equal(labels.length, layers.length, labels.join(', '));
    for (const l of layers) assert.ok(labels.includes(`→ ${shapeLabel(l.output)}`), `no hint → ${shapeLabel(l.output)} in ${labels.join(', ')}`);
    // Each hint sits on the line of its layer's type.
    for (const [i, h] of hints.entries()) {
      assert.equal(h.position.line, doc.positionAt(layers[i]!.decl.typeSpan.start).line, `hint ${labels[i]}`);
    }
  });

  test('the quick fix sets a padding that makes the size whole, and the error goes', async () => {
    const { document: doc } = await openSample(SAMPLE);
    const d = nonInteger(await waitForDiagnostics(doc.uri, (x) => nonInteger(x) !== undefined, `${CODE} diagnostic`))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // (The command returns the actions without their diagnostics; the range asked for holds only this one.)
    const fixes = actions.filter((a) => a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.ok(fixes.length > 0, `no quick fix for ${CODE}; actions: ${actions.map((a) => a.title).join(' | ')}`);
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0]!;
    assert.match(fix.title, /padding to 1\b.*11×11×8/, fixes.map((a) => a.title).join(' | '));
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await waitForDiagnostics(doc.uri, (x) => nonInteger(x) === undefined, `removal of the ${CODE} diagnostic`);
    const after = coreAnalysis(doc);
    assert.equal(shapeLabel(after.layers[0]!.output), '11×11×8', doc.getText());
    assert.deepEqual(after.diagnostics.filter((x) => x.severity === 'error'), []);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, fullRange(doc));
    assert.ok(hints.map(hintLabel).includes('→ 11×11×8'), hints.map(hintLabel).join(', '));
  });

  test('an untitled cnn-json buffer is checked too', async () => {
    const content = JSON.stringify({ input: '8x8x1', layers: [{ type: 'conv', filters: 2, kernel: 3, stride: 2 }] }, null, 2);
    const doc = await vscode.workspace.openTextDocument({ language: 'cnn-json', content });
    await vscode.window.showTextDocument(doc);
    const d = nonInteger(await waitForDiagnostics(doc.uri, (x) => nonInteger(x) !== undefined, `${CODE} diagnostic on the untitled buffer`))!;
    assert.match(d.message, /\(8 − 3 \+ 2·0\)\/2 \+ 1 = 3\.50?\b/);
  });
});
