// The Run page and the evaluation in Chinese (cnnShape.language: zh-cn; see chinese.test.ts for why a
// setting and not the display language): the panel's title, the enlarged view and the page's words come
// from the catalogue's run and evaluate areas; the numbers are the same as in English.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../client/src/run/command';
import type { EvaluationOutcome } from '../../../client/src/run/evaluateCommand';
import { activateExtension, revertAndCloseAll, sampleUri as sample } from '../suite/helpers';

suite('Run page in Chinese', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('the Run panel and its enlarged view speak Chinese; the X-or-O numbers are unchanged', async () => {
    const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', sample('xo', 'xo.cnn.yaml'), [sample('xo', 'x.png')]);
    assert.ok(out);
    await out.shown;
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).map((t) => t.label);
    assert.ok(tabs.includes('运行：X or O'), tabs.join(', '));
    const z = await out.zoom(0, -1, 0);
    assert.match(z.title, /^输入 · 通道 0 · 9×9$/);
    assert.ok(z.cells.flat().every((c) => c === '1' || c === '-1'));
  });

  test('the evaluation page is titled in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnnshape-eval-zh-'));
    for (const [c, f] of [['X', 'x.png'], ['O', 'o.png']] as const) {
      mkdirSync(join(dir, c));
      copyFileSync(join(sample('xo').fsPath, f), join(dir, c, f));
    }
    const out = await vscode.commands.executeCommand<EvaluationOutcome | undefined>('cnnShape.evaluateFolder', sample('xo', 'xo.cnn.yaml'), vscode.Uri.file(dir));
    assert.ok(out);
    assert.deepEqual(out.view.run.confusion.matrix, [[1, 0, 0], [0, 1, 0]]);
    await out.shown;
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tabs.includes('评估：X or O'), tabs.join(', '));
  });
});
