// "Explain This Layer" on the tutorial's 32×32×3 image with a 4×4 filter and stride 3: the page draws
// the 32 × 32 grid, the column and row no window covers, the windows over the edge, and the output
// filling to 10 × 10; Try on the P = 1 fix redraws 11 × 11 with a ring of padding and the file
// untouched; Apply edits the file. Also: the code lens and hover link, and the view following the cursor
// (3×3 after 3×3 sees 5×5). Everything checked is the page's own count of what it drew.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CnnShapeApi } from '../../../client/src/api';
import type { ExplainDrawn } from '../../../client/src/explain/messages';
import { activateExtension, hoverText, openSample, revertAndCloseAll, waitForEvent } from './helpers';

function drawn(api: CnnShapeApi, accept: (s: ExplainDrawn) => boolean, what: string): Promise<ExplainDrawn> {
  const p = api.explainPanel;
  return waitForEvent(p.onDidDraw, () => p.inPage !== undefined && accept(p.inPage), what, () => JSON.stringify(p.inPage)).then(() => p.inPage!);
}

suite('Explain this layer', () => {
  let api: CnnShapeApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(async () => {
    api.explainPanel.webviewPanel?.dispose();
    await revertAndCloseAll();
  });

  test('32×32, F = 4, S = 3: the uncovered column and row, the windows over the edge; Try P = 1 redraws 11×11; Apply edits the file', async () => {
    const editor = await openSample('tutorial/05-32x32-f4-s3-not-whole.cnn.yaml');
    const doc = editor.document;
    const at = doc.positionAt(doc.getText().lastIndexOf('stride: 3'));
    editor.selection = new vscode.Selection(at, at);
    const first = drawn(api, (s) => s.version === doc.version && s.layerIndex === 0 && s.total > 0, 'the conv drawn');
    await vscode.commands.executeCommand('cnnShape.explainLayer');
    let s = await first;
    assert.deepEqual([s.input, s.output, s.padding], [[32, 32], [10, 10], { top: 0, bottom: 0, left: 0, right: 0 }]);
    // Column 32 and row 32 are read by no window: 32 + 32 − 1 cells; the other 31 × 31 are input pixels.
    assert.deepEqual(s.cells, { input: 31 * 31, padding: 0, uncovered: 63, output: 100, filled: 1 });
    assert.equal(s.cropped, false);
    assert.deepEqual(s.overhang, { across: true, down: true });
    assert.equal(s.total, 100);
    assert.ok(s.arithmetic.some((l) => l.includes('(32 − 4 + 2·0)/3 + 1 = 10.33')), s.arithmetic.join(' | '));
    assert.equal(s.fixes[0], 'Set padding to 1 → 11×11×8');
    assert.equal(s.field, 'Each output pixel sees 4 × 4 pixels of the network input (the window itself).');

    // Step, then jump to the last window: the output fills cell by cell.
    let next = drawn(api, (x) => x.step === 1, 'one step');
    api.explainPanel.press('step');
    s = await next;
    assert.equal(s.cells.filled, 2);
    next = drawn(api, (x) => x.step === 99, 'the last window');
    api.explainPanel.press('last');
    s = await next;
    assert.equal(s.cells.filled, 100);
    // Play from the start moves on by itself; pause stops it.
    next = drawn(api, (x) => x.playing && x.step >= 2, 'playing');
    api.explainPanel.press('first');
    api.explainPanel.press('play');
    await next;
    next = drawn(api, (x) => !x.playing, 'paused');
    api.explainPanel.press('pause');
    await next;

    // Try the P = 1 fix: 11 × 11, one ring of padding, every pixel covered, nothing over the edge; the file is unchanged.
    next = drawn(api, (x) => x.trying === 0, 'trying the padding fix');
    api.explainPanel.pressFix(0, 'try');
    s = await next;
    assert.deepEqual([s.input, s.output, s.padding], [[32, 32], [11, 11], { top: 1, bottom: 1, left: 1, right: 1 }]);
    assert.deepEqual([s.cells.input, s.cells.padding, s.cells.uncovered, s.cells.output], [32 * 32, 34 * 34 - 32 * 32, 0, 121]);
    assert.deepEqual(s.overhang, { across: false, down: false });
    assert.ok(s.arithmetic.some((l) => l.includes('(32 − 4 + 2·1)/3 + 1 = 11')), s.arithmetic.join(' | '));
    assert.equal(doc.isDirty, false, 'Try does not touch the file');
    next = drawn(api, (x) => x.trying === null, 'back to the file');
    api.explainPanel.pressBack();
    s = await next;
    assert.deepEqual(s.output, [10, 10]);

    // Apply it: the file gets padding 1 and the view redraws the new version, whole, with no fixes.
    const version = doc.version;
    next = drawn(api, (x) => x.version > version && x.trying === null && x.output[0] === 11, 'the fixed file drawn');
    api.explainPanel.pressFix(0, 'apply');
    s = await next;
    assert.match(doc.lineAt(at.line).text, /padding: 1/);
    assert.deepEqual([s.cells.uncovered, s.fixes], [0, []]);
  });

  test('code lens and hover link open it; it follows the cursor: 3×3 after 3×3 sees 5×5', async () => {
    const editor = await openSample('tutorial/08-receptive-field-3x3-after-3x3.cnn.yaml');
    const doc = editor.document;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const explain = lenses.filter((l) => l.command?.command === 'cnnShape.explainLayer');
    assert.deepEqual(explain.map((l) => l.command?.arguments?.[1] as number), [0, 1]);
    assert.equal(explain[0]!.command!.title, 'Explain this layer');
    const second = doc.positionAt(doc.getText().lastIndexOf('type: conv') + 'type: '.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, second);
    const text = hoverText(hovers);
    assert.match(text, /\[Explain this layer\]\(command:cnnShape\.explainLayer\?/);
    assert.match(text, /Dense vs convolution: 1,000 neurons connected to all 25 values of this 5×5×1 input would need 25,000 weights/);

    // The lens's command with its arguments: the second conv, whose field is 5 × 5.
    const opened = drawn(api, (s) => s.layerIndex === 1 && s.version === doc.version, 'the second conv');
    await vscode.commands.executeCommand(explain[1]!.command!.command, ...((explain[1]!.command!.arguments ?? []) as unknown[]));
    let s = await opened;
    assert.match(s.field, /sees 5 × 5 pixels of the network input: the layers before see 3 × 3/);
    assert.match(s.field, /3 \+ \(3 − 1\)·1 = 5/);
    assert.deepEqual([s.output, s.fixes], [[3, 3], []]);

    // The cursor on the first conv: the same panel shows it.
    await vscode.window.showTextDocument(doc);
    const firstConv = doc.positionAt(doc.getText().indexOf('type: conv') + 'type: '.length);
    const followed = drawn(api, (x) => x.layerIndex === 0, 'the view follows the cursor');
    vscode.window.activeTextEditor!.selection = new vscode.Selection(firstConv, firstConv);
    s = await followed;
    assert.deepEqual(s.output, [5, 5]);
    assert.match(s.field, /sees 3 × 3 pixels/);
    const panels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cnnShape.explain'));
    assert.equal(panels.length, 1, 'one panel, reused');
  });

  test('a large input (AlexNet at 224) is drawn as a crop: both ends to scale, the middle squeezed', async () => {
    const editor = await openSample('alexnet-224.cnn.json');
    const doc = editor.document;
    const opened = drawn(api, (s) => s.layerIndex === 0 && s.version === doc.version && s.total > 0, 'conv1 of AlexNet');
    await vscode.commands.executeCommand('cnnShape.explainLayer', doc.uri.toString(), 0);
    const s = await opened;
    assert.deepEqual([s.input, s.output, s.cropped], [[224, 224], [54, 54], true]);
    // 14 + 14 cells a side are drawn; (224 − 11)/4 + 1 = 54.25 leaves the last column and row unread.
    assert.equal(s.cells.input + s.cells.uncovered, 28 * 28);
    assert.equal(s.cells.uncovered, 28 + 28 - 1);
    assert.equal(s.cells.output, 28 * 28);
    assert.ok(s.fixes.some((t) => t.startsWith('Set the input to 227x227x3')), s.fixes.join(' | '));
  });
});
