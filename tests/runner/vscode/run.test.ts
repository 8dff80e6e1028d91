// "CNN Shape: Run Model on Image…" inside the editor (mocha tdd, run by the editor harness:
// node scripts/run-editor-tests.mjs --tests-src tests/runner/vscode). The workspace is a copy of samples/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../client/src/run/command';
import { activateExtension, codeOf, openSample, revertAndCloseAll, waitForDiagnostics, sampleUri as sample, within } from '../../vscode/suite/helpers';

suite('Run model on image', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('runs the X-or-O model in the worker and the page loads under its CSP', async () => {
    const images = ['x.png', 'o.png', 'x-thick.png'].map((f) => sample('xo', f));
    const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', sample('xo', 'xo.cnn.yaml'), images);
    assert.ok(out, 'the command returned no result');
    assert.deepEqual(out.view.images.map((i) => i.top[0]?.label), ['X', 'O', 'X']);
    assert.deepEqual(out.view.mapLayers.map((m) => [m.type, m.width, m.height, m.depth]), [['conv', 9, 9, 3], ['maxpool', 3, 3, 3]]);
    assert.deepEqual(out.view.layers.map((l) => l.output), out.view.layers.map((l) => l.predicted));
    assert.equal(out.view.engine, 'native');
    const drawn = await within(out.shown, 20_000, 'the result page to draw');
    // Per image: the input, 3 conv maps and 3 pool maps; one chart per image (chart.js runs under the CSP).
    assert.deepEqual(drawn, { canvases: 3 * (1 + 3 + 3), charts: 3 });
  });

  test('the picker: filtering to one image and pressing Enter runs on it; an empty choice runs nothing', async () => {
    const api = await activateExtension();
    const model = sample('xo', 'xo.cnn.yaml');
    // Filter to o-thick.png (nothing ticked) and accept, as Enter does.
    const shown = new Promise<vscode.QuickPick<vscode.QuickPickItem>>((resolve) => {
      const sub = api.onDidShowImagePicker((qp) => {
        sub.dispose();
        resolve(qp);
      });
    });
    const run = Promise.resolve(vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', model));
    const qp = await within(shown, 20_000, 'the image picker');
    qp.value = 'o-thick';
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(qp.selectedItems, [], 'nothing is ticked');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const out = await within(run, 60_000, 'the run on the highlighted image');
    assert.ok(out, 'Enter on the one image left ran the model');
    assert.deepEqual(out.view.images.map((i) => i.top[0]?.label), ['O']);
    // A filter that leaves nothing: accepting runs nothing (and says so).
    const shown2 = new Promise<vscode.QuickPick<vscode.QuickPickItem>>((resolve) => {
      const sub = api.onDidShowImagePicker((q) => {
        sub.dispose();
        resolve(q);
      });
    });
    const run2 = Promise.resolve(vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', model));
    const qp2 = await within(shown2, 20_000, 'the image picker again');
    qp2.value = 'no-such-image-zzz';
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await within(run2, 20_000, 'the empty choice'), undefined);
  });

  test('unsaved edits are what runs', async () => {
    const editor = await openSample('xo/xo.cnn.yaml');
    const doc = editor.document;
    // A constant 100 for O: nothing here is X any more.
    const at = doc.getText().indexOf('bias: [0, 14]');
    assert.ok(at > 0);
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'bias: [0, 14]'.length)), 'bias: [0, 100]')));
    // As the code lens "▶ Run" sends it: the URI as a string.
    const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', doc.uri.toString(), [sample('xo', 'x.png')]);
    assert.equal(out?.view.images[0]?.top[0]?.label, 'O');
  });

  test('a run that gives nothing closes the page it opened, and keeps an earlier result on the page', async () => {
    const model = sample('xo', 'xo.cnn.yaml');
    const notAnImage = sample('README.md');
    const runTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Run: X or O').length;
    const run = (images: vscode.Uri[]) => vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', model, images);
    const out = await run([sample('xo', 'x.png')]);
    assert.ok(out);
    assert.deepEqual(await within(out.shown, 20_000, 'the result page to draw'), { canvases: 1 + 3 + 3, charts: 1 });
    assert.equal(runTabs(), 1);
    assert.equal(await run([notAnImage]), undefined);
    assert.equal(runTabs(), 1, 'the earlier result stays');
    await revertAndCloseAll();
    for (let waited = 0; runTabs() > 0 && waited < 3000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(runTabs(), 0);
    assert.equal(await run([notAnImage]), undefined);
    // The editor's tab list follows a closed panel a moment later.
    for (let waited = 0; runTabs() > 0 && waited < 3000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(runTabs(), 0, 'no page for a run that gave nothing');
  });

  test('a model with errors is not run', async () => {
    const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', sample('stride3-not-whole.cnn.yaml'), [sample('xo', 'x.png')]);
    assert.equal(out, undefined);
  });

  test('with cnnShape.rounding.default: floor the stride-3 model runs, as the editor shows it', async () => {
    const cfg = vscode.workspace.getConfiguration('cnnShape');
    await cfg.update('rounding.default', 'floor', vscode.ConfigurationTarget.Global);
    try {
      const model = sample('stride3-not-whole.cnn.yaml');
      const { document: doc } = await openSample('stride3-not-whole.cnn.yaml');
      // The server has taken the setting once the editor shows the case as information.
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'non-integer-output' && d.severity === vscode.DiagnosticSeverity.Information), 'non-integer-output as information');
      const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', model, [sample('xo', 'x.png')]);
      assert.ok(out, 'the run was refused');
      assert.deepEqual(out.view.layers[0]?.output, { width: 10, height: 10, depth: 8 });
      assert.equal(out.view.images.length, 1);
      assert.deepEqual(out.view.mapLayers.map((m) => [m.type, m.width, m.height, m.depth]), [['conv', 10, 10, 8]]);
    } finally {
      await cfg.update('rounding.default', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
