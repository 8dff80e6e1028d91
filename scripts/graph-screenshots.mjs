// Screenshots of the format-v2 editor features and of "CNN Shape: Show Model Graph" in a real VS Code
// (code-server + headless Chromium, the extension loaded unpackaged from this folder: run
// `node scripts/build.mjs` first), each step checked before its picture is taken:
//   - samples/v2/resnet18.cnn.yaml with the inlay hints inside block `basic` (every use's shapes), a hover
//     on a layer of the definition (its copies), and the outline with the blocks and the uses' copies;
//   - the graph of ResNet-18 v2, U-Net v2, U-Net small and the Inception block, the overview beside the
//     drawing and not over it (the clicks on nodes are checked by the editor tests, tests/vscode/suite/graph.test.ts);
//   - the graph follows a theme change: workbench.colorTheme switched to the other (dark) theme and
//     back from the palette (Preferences: Toggle between Light/Dark Themes), the page's colours (read through the webview frames) must change and come back.
// Saved as out/screenshots/v2-*.png and graph-*.png.
//   node scripts/graph-screenshots.mjs [--timeout SEC] [--verbose]
import { openFile, runCommand, screenshot, waitFor } from './editor/editor.mjs';
import { activeWebview, viewIncludes, viewText, wordPoint } from './editor/page.mjs';
import { check, editorScript } from './editor/script.mjs';

const GRAPHS = [
  ['v2/resnet18.cnn.yaml', 'resnet18-v2'],
  ['v2/unet.cnn.yaml', 'unet-v2'],
  ['unet-small.cnn.yaml', 'unet-small'],
  ['inception-block.cnn.json', 'inception'],
];
const { step, start, run } = editorScript('graph-shots', { failedShot: 'graph-failed' });
let editor;

async function shot(name) {
  step(`screenshot ${await screenshot(editor, name)}`);
}

/** Moves the mouse onto `word` in the first visible editor line containing `line`; returns the hover's text. */
async function hoverWord(page, line, word) {
  const box = await wordPoint(page, line, word, 2);
  check(box, `line "${line}" on screen`);
  await page.mouse.move(1, 1);
  await page.mouse.move(box.x, box.y, { steps: 5 });
  const h = await page.waitForSelector('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', { timeout: 30_000 });
  await page.waitForFunction((e) => (e.textContent ?? '').includes('in block'), h, { timeout: 30_000 });
  await page.waitForTimeout(300);
  return (await h.innerText()).trim();
}

/** Expands the outline row whose label is `name` (it must be visible). */
async function expandOutline(page, name) {
  const row = page.locator(`.outline-pane .monaco-list-row[aria-label^="${name} "], .outline-pane .monaco-list-row[aria-label="${name}"]`).first();
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
}

/** The graph page's body background and a layer box's fill, as the browser computes them. */
async function graphColours(frame) {
  const body = await frame.locator('body').evaluate((e) => getComputedStyle(e).backgroundColor);
  const box = await frame.locator('svg.cnn-graph .node > rect').first().evaluate((e) => getComputedStyle(e).fill);
  const text = await frame.locator('svg.cnn-graph .node text').first().evaluate((e) => getComputedStyle(e).fill);
  return { body, box, text };
}

/** Switches workbench.colorTheme between the preferred light and dark themes, from the palette. */
async function toggleTheme() {
  await editor.page.keyboard.press('Escape');
  await runCommand(editor, 'Preferences: Toggle between Light/Dark Themes');
}

async function coloursChange(frame, from, what) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const now = await graphColours(frame);
    if (now.body !== from.body && now.box !== from.box) return now;
    if (Date.now() > deadline) throw new Error(`${what}: the graph's colours did not change (${JSON.stringify(now)})`);
    await editor.page.waitForTimeout(250);
  }
}

await run(async () => {
  editor = await start();
  const page = editor.page;

  // ResNet-18 v2: hints and hover inside the definition of `basic`, the outline.
  await openFile(editor, 'v2/resnet18.cnn.yaml');
  step('opened v2/resnet18.cnn.yaml');
  await page.waitForFunction(viewIncludes, '(5 uses)', { timeout: 30_000 }).catch(() => check(false, 'a hint "(5 uses)" in block basic'));
  const hintLines = (await page.evaluate(viewText)).split('\n').filter((l) => l.includes('→'));
  step(`hints:\n${hintLines.slice(0, 12).map((l) => `      | ${l.trim()}`).join('\n')}`);
  await shot('v2-resnet18-hints');
  const hoverText = await hoverWord(page, '{name: conv1, type: conv, filters: $filters, kernel: 3, padding: 1', 'conv1');
  step(`hover on basic's conv1:\n${hoverText.replace(/^/gm, '      | ')}`);
  check(['layer1.0.conv1', 'layer1.1.conv1', 'layer4.1.conv1'].every((n) => hoverText.includes(n)), 'the hover lists the copies');
  await shot('v2-resnet18-hover');
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await runCommand(editor, 'Explorer: Focus on Outline View');
  // The folders above take most of the side bar: collapse them so that the outline has the room.
  const folders = page.locator('.explorer-folders-view').first();
  if (await folders.isVisible()) await page.locator('.pane-header:has(+ .pane-body .explorer-folders-view)').first().click();
  await expandOutline(page, 'blocks');
  await expandOutline(page, 'basic');
  await expandOutline(page, 'layers');
  await expandOutline(page, 'layer1');
  await page.locator('.outline-pane .monaco-list-row[aria-label^="layer1.1"]').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  await shot('v2-resnet18-outline');
  await runCommand(editor, 'View: Close All Editors').catch(() => undefined);

  for (const [file, name] of GRAPHS) {
    await openFile(editor, file);
    step(`opened ${file}`);
    await runCommand(editor, 'CNN Shape: Show Model Graph');
    await waitFor(editor, '.tabs-container .tab[aria-label*="Graph"]');
    const frame = activeWebview(page);
    await frame.locator('svg.cnn-graph .node').first().waitFor({ timeout: 60_000 });
    const status = await frame.locator('#status').innerText();
    step(`${name}: ${status}`);
    // The overview has its own column: it must not lie over the drawing's area.
    const boxes = await frame.locator('body').evaluate(() => {
      const r = (id) => document.getElementById(id)?.getBoundingClientRect();
      const [o, v] = [r('overview'), r('viewport')];
      return o && v ? { overlap: o.left < v.right && o.right > v.left && o.top < v.bottom && o.bottom > v.top, overview: [o.left, o.top, o.width, o.height], viewport: [v.left, v.top, v.width, v.height] } : null;
    });
    check(boxes && !boxes.overlap, `the overview beside the drawing, not over it (${JSON.stringify(boxes)})`);
    await page.waitForTimeout(500);
    await shot(`graph-${name}`);
    if (name === 'resnet18-v2') {
      const before = await graphColours(frame);
      await toggleTheme();
      const other = await coloursChange(frame, before, 'the other theme');
      step(`other theme: graph colours ${JSON.stringify(before)} → ${JSON.stringify(other)}`);
      check(other.text !== before.text, 'the text colour follows the theme too');
      await page.waitForTimeout(300);
      await shot(`graph-${name}-dark`);
      await toggleTheme();
      const back = await coloursChange(frame, other, 'theme back to the default');
      check(JSON.stringify(back) === JSON.stringify(before), `the colours come back (${JSON.stringify(back)})`);
      step('theme back: colours as before');
    }
    await page.keyboard.press('Escape');
    await runCommand(editor, 'View: Close All Editors').catch(() => undefined);
  }
  step('done');
});
