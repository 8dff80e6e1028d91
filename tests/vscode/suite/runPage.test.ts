// The Run page and "Evaluate on Folder…" in a real editor (the workspace is a copy of samples/):
// two runs of one model share one panel; the enlarged view shows the X-or-O numbers (the 9×9 grid of
// 1 and -1 the network takes, and the feature map that the "\" filter makes of it, checked against a
// convolution computed here from the grid the page shows); the evaluation of a generated ImageFolder
// tree gives a confusion matrix with the right counts, and its worst image opens.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../client/src/run/command';
import type { EvaluationOutcome } from '../../../client/src/run/evaluateCommand';
import { activateExtension, revertAndCloseAll, sampleUri as sample, within } from './helpers';

function runTabs(label: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label === label);
}

async function run(images: string[]): Promise<RunOutcome> {
  const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', sample('xo', 'xo.cnn.yaml'), images.map((f) => sample('xo', f)));
  assert.ok(out, 'the command returned no result');
  await within(out.shown, 20_000, 'the result page to draw');
  return out;
}

/** The "\" feature of samples/xo/xo.cnn.yaml, over the grid with a ring of zeros (padding 1). */
function convolve(grid: number[][], filter: number[][]): number[][] {
  const at = (y: number, x: number) => grid[y]?.[x] ?? 0;
  return grid.map((row, y) => row.map((_, x) => filter.reduce((s, fr, i) => s + fr.reduce((a, w, j) => a + w * at(y + i - 1, x + j - 1), 0), 0)));
}

suite('Run page and evaluation', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('two runs of the same model: one Run panel, showing the second run', async () => {
    await run(['x.png']);
    const second = await run(['o.png', 'x-thick.png']);
    assert.deepEqual(second.view.images.map((i) => i.top[0]?.label), ['O', 'X']);
    assert.equal(runTabs('Run: X or O').length, 1, `tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.equal(vscode.window.tabGroups.all.filter((g) => g.tabs.some((t) => t.label === 'Run: X or O')).length, 1);
  });

  test('the enlarged view shows the X-or-O numbers: the input grid of 1 and -1, and the feature map of the "\\" filter', async () => {
    const out = await run(['x.png']);
    const input = await within(out.zoom(0, -1, 0), 10_000, 'the enlarged input');
    assert.match(input.title, /input · channel 0 · 9×9/);
    assert.equal(input.cells.length, 9);
    assert.ok(input.cells.every((r) => r.length === 9 && r.every((c) => c === '1' || c === '-1')), JSON.stringify(input.cells));
    // x.png: white strokes on black, so the two diagonals are 1.
    for (let i = 1; i < 8; i++) assert.deepEqual([input.cells[i]![i], input.cells[i]![8 - i]], ['1', '1'], `row ${i}`);
    const grid = input.cells.map((r) => r.map(Number));
    const map = await within(out.zoom(0, 0, 0), 10_000, 'the enlarged feature map');
    assert.match(map.title, /0 features · channel 0 · 9×9/);
    const expected = convolve(grid, [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]);
    assert.deepEqual(map.cells, expected.map((r) => r.map(String)));
    // The "\" diagonal of an X matches it perfectly in the middle: 9 would need no padding zeros.
    assert.equal(map.cells[4]![4], String(expected[4]![4]));
    // Bars: the vote (dense) and the softmax, labelled X and O.
    const vectors = out.view.images[0]!.vectors;
    assert.deepEqual(vectors.map((v) => [v.type, v.bars.map((b) => b.label)]), [['dense', ['X', 'O']], ['softmax', ['X', 'O']]]);
    assert.ok(Math.abs(vectors[1]!.bars.reduce((a, b) => a + b.value, 0) - 1) < 1e-5);
  });

  test('the page follows a colour theme change: its chart is made again in the new theme\'s colours', async () => {
    const out = await run(['x.png', 'o.png']);
    const config = vscode.workspace.getConfiguration('workbench');
    const before = config.get<string>('colorTheme');
    const themed = (timeoutMs: number) => within(new Promise<{ charts: number; colour: string }>((resolve) => {
      const d = out.onDidFollowTheme((x) => {
        d.dispose();
        resolve(x);
      });
    }), timeoutMs, 'the page to follow the theme');
    try {
      const dark = themed(20_000);
      await config.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
      const hc = await dark;
      assert.equal(hc.charts, 2, 'both images\' charts were made again');
      const back = themed(20_000);
      await config.update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
      const light = await back;
      assert.equal(light.charts, 2);
      assert.notEqual(light.colour, hc.colour, 'the charts take the theme\'s colour');
    } finally {
      await config.update('colorTheme', before === 'Default Light Modern' ? undefined : before, vscode.ConfigurationTarget.Global);
    }
  });

  test('Evaluate on Folder: the confusion matrix of a generated ImageFolder tree, and its worst image opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnnshape-eval-'));
    const xo = sample('xo').fsPath;
    const files: Record<string, string[]> = { X: ['x.png', 'x-thick.png', 'x-shifted.png'], O: ['o.png', 'o-small.png'] };
    for (const [c, names] of Object.entries(files)) {
      mkdirSync(join(dir, c));
      for (const f of names) copyFileSync(join(xo, f), join(dir, c, f));
    }
    // An O filed under X: a wrong label, classified as O.
    copyFileSync(join(xo, 'o-thick.png'), join(dir, 'X', 'mislabelled.png'));
    const out = await vscode.commands.executeCommand<EvaluationOutcome | undefined>('cnnShape.evaluateFolder', sample('xo', 'xo.cnn.yaml'), vscode.Uri.file(dir));
    assert.ok(out, 'the command returned no result');
    const e = out.view.run;
    assert.equal(e.images, 6);
    assert.deepEqual(e.confusion.classes, ['O', 'X']);
    // Rows: true O, true X; columns: predicted O, X, other.
    assert.deepEqual(e.confusion.matrix, [[2, 0, 0], [1, 3, 0]]);
    assert.equal(e.accuracy, 5 / 6);
    assert.deepEqual(e.classes.map((c) => [c.name, c.precision, c.recall]), [['O', 2 / 3, 1], ['X', 1, 3 / 4]]);
    const shown = await within(out.shown, 20_000, 'the evaluation page');
    assert.equal(shown.cells, 2 * 3, 'the heat map has a cell per true class and predicted class (and other)');
    assert.equal(out.view.worstNames[0], join('X', 'mislabelled.png'));
    const opened = await out.openWorst(0);
    assert.ok(opened?.fsPath.endsWith('mislabelled.png'));
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom || tab?.input instanceof vscode.TabInputText, `an image tab is active (${tab?.label})`);
    assert.equal(tab?.label, 'mislabelled.png');
  });
});
