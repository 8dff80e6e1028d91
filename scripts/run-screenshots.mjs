// Screenshots of the Run page and of "Evaluate on Folder…" in a real VS Code (code-server + headless
// Chromium, the extension loaded unpackaged from this folder: run `node scripts/build.mjs` first), each
// step checked before its picture is taken:
//   - X or O run on x.png from the palette and the image picker: a feature map enlarged with its numbers
//     (run-xo-zoom), the input grid of 1 and -1 (run-xo-input), the dense and softmax bars (run-xo-bars);
//   - the same page after a theme change (run-xo-dark): the chart is redrawn in the other theme's colours;
//   - LeNet-5 on the 320×240 photo: the note that it was squashed to 32×32 (run-lenet-squashed);
//   - X or O evaluated on an ImageFolder tree made in the workspace (the folder typed into VS Code's
//     folder dialog): the confusion matrix heat map and the worst images (evaluate-heatmap).
// Saved as out/screenshots/run-*.png and evaluate-*.png.
// With --zh the editor runs with cnnShape.language: zh-cn and the pictures are named *-zh.png.
//   node scripts/run-screenshots.mjs [--zh] [--timeout SEC] [--verbose]
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, screenshot } from './editor/editor.mjs';
import { flag } from './editor/args.mjs';
import { activeWebview } from './editor/page.mjs';
import { check, editorScript } from './editor/script.mjs';

const { step, start, run } = editorScript('run-shots', { failedShot: 'run-failed' });
let editor;

const zh = flag('--zh');

async function shot(name) {
  step(`screenshot ${await screenshot(editor, zh ? `${name}-zh` : name)}`);
}

/** Runs a palette command whose own quick input (picker, dialog) follows: F1, its title, Enter. */
async function palette(title) {
  const page = editor.page;
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await input.fill(`>${title}`);
  await page.waitForFunction((t) => (document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row')?.getAttribute('aria-label') ?? '').toLowerCase().includes(t.toLowerCase()), title);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}

/** In the image picker: filter to `name` and press Enter (the one image left runs). */
async function pickImage(name) {
  const page = editor.page;
  const input = await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row');
  await input.fill(name);
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
}

async function closeAll() {
  await palette('View: Close All Editors').catch(() => undefined);
}

await run(async () => {
  editor = await start(zh ? { settings: { 'cnnShape.language': 'zh-cn' } } : {});
  const page = editor.page;
  const ws = editor.dirs.workspace;

  // X or O on x.png.
  await openFile(editor, 'xo/xo.cnn.yaml');
  await palette('CNN Shape: Run Model on Image…');
  await pickImage('x.png');
  const frame = activeWebview(page);
  await frame.locator('canvas.map').first().waitFor({ timeout: 60_000 });
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${zh ? '运行：X or O' : 'Run: X or O'}"]`);
  step('X or O ran; the page shows its maps');
  await frame.locator('canvas.map[data-layer="0"][data-channel="0"]').click();
  await frame.locator('#zoom table.cells td').first().waitFor();
  const cells = await frame.locator('#zoom table.cells tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
  step(`enlarged map "${await frame.locator('#zoom h2').innerText()}":\n${cells.map((r) => `      | ${r.map((c) => c.padStart(3)).join(' ')}`).join('\n')}`);
  check(cells.length === 9 && cells.every((r) => r.length === 9), 'a 9×9 table of numbers');
  // Hover a cell: its value is in the tooltip-like readout below? (the table shows them already)
  await shot('run-xo-zoom');
  await page.keyboard.press('Escape');
  await frame.locator('canvas.input').click();
  await frame.locator('#zoom table.cells td').first().waitFor();
  const input = await frame.locator('#zoom table.cells tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
  check(input.flat().every((c) => c === '1' || c === '-1'), 'the input grid is 1 and -1');
  step(`input grid:\n${input.map((r) => `      | ${r.map((c) => c.padStart(2)).join(' ')}`).join('\n')}`);
  await shot('run-xo-input');
  await frame.locator('#zoom button').click();
  check(await frame.locator('#zoom').isHidden(), 'the enlarged view closes');
  const bars = frame.locator('.vector');
  check((await bars.count()) === 2, 'two vectors: the vote and the softmax');
  await bars.last().scrollIntoViewIfNeeded();
  const widths = await frame.locator('.vector .bar').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().width));
  step(`bar widths: ${widths.map((w) => w.toFixed(0)).join(', ')}`);
  check(widths.every((w) => w > 0), 'the bars have widths');
  await shot('run-xo-bars');

  // The theme: the chart is drawn again in the other theme's colours.
  await frame.locator('canvas.chart').scrollIntoViewIfNeeded();
  const bg = () => frame.locator('body').evaluate((e) => getComputedStyle(e).backgroundColor);
  const before = await bg();
  await palette('Preferences: Toggle between Light/Dark Themes');
  await page.waitForTimeout(1500);
  const after = await bg();
  step(`theme: page background ${before} → ${after}`);
  check(before !== after, 'the page follows the theme');
  await shot('run-xo-dark');
  await palette('Preferences: Toggle between Light/Dark Themes');
  await page.waitForTimeout(1000);
  await closeAll();

  // LeNet-5 on a 320×240 photo: squashed to 32×32.
  await openFile(editor, 'lenet5.cnn.yaml');
  await palette('CNN Shape: Run Model on Image…');
  await pickImage('scene-320x240');
  await activeWebview(page).locator('p.resized').waitFor({ timeout: 60_000 });
  const note = await activeWebview(page).locator('p.resized').innerText();
  step(`LeNet-5: ${note}`);
  check(/320×240/.test(note) && /32×32/.test(note), 'the squashed note names both sizes');
  await shot('run-lenet-squashed');
  await closeAll();

  // Evaluate X or O on an ImageFolder tree in the workspace.
  const dataset = join(ws, 'xo-dataset');
  const files = { X: ['x.png', 'x-thick.png', 'x-shifted.png', 'x-rotated.png', 'x-distorted.png'], O: ['o.png', 'o-small.png', 'o-shifted.png'] };
  for (const [c, names] of Object.entries(files)) {
    mkdirSync(join(dataset, c), { recursive: true });
    for (const f of names) copyFileSync(join(ws, 'xo', f), join(dataset, c, f));
  }
  copyFileSync(join(ws, 'xo', 'o-thick.png'), join(dataset, 'X', 'mislabelled-o.png'));
  copyFileSync(join(ws, 'xo', 'x-shifted-up-left.png'), join(dataset, 'O', 'mislabelled-x.png'));
  // From the explorer: quick open does not always take the keys after a webview had the focus.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^xo\.cnn\.yaml$/ }).first().click();
  await page.waitForSelector('.tabs-container .tab.active[data-resource-name="xo.cnn.yaml"]');
  await palette('CNN Shape: Evaluate on Folder…');
  // VS Code's own folder dialog in the browser: a quick input that takes a path.
  const dialog = await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await dialog.fill(`${dataset}/`);
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  const ev = activeWebview(page);
  await ev.locator('table.matrix td.cell').first().waitFor({ timeout: 60_000 });
  const matrix = await ev.locator('table.matrix tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td.cell')].map((td) => Number(td.textContent))));
  step(`confusion matrix (rows O, X; columns O, X, other): ${JSON.stringify(matrix)}; accuracy ${await ev.locator('#accuracy').innerText()}`);
  check(JSON.stringify(matrix) === JSON.stringify([[3, 1, 0], [1, 5, 0]]), 'the matrix counts');
  await shot('evaluate-heatmap');
  await ev.locator('[data-open]').first().click();
  await page.waitForSelector('.tabs-container .tab[aria-label*="mislabelled"]', { timeout: 20_000 });
  step('a worst image opened in the editor');
  await shot('evaluate-open-worst');
  step('done');
});
