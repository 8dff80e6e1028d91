// The README's screenshots, and a learner's walk through samples/tutorial/, in a real VS Code (code-server +
// headless Chromium, the extension loaded unpackaged from this folder: run `node scripts/build.mjs` first).
// Each step waits for what it shows before its picture is taken; a step that fails is reported and the
// walk goes on (exit 1 at the end if any failed).
//   README (docs/images/*.png, 1100×620, no side bar or minimap):
//     error.png       the tutorial's 32×32, F = 4, S = 3 conv: squiggle and the `→ ⚠ 10×10×8` hint
//     hover.png       its hover with the arithmetic
//     quickfix.png    the quick-fix menu on it; fixed.png after choosing `padding: 1` (→ 11×11×8)
//     completion.png  `fil` typed on a block-style conv layer: the suggest widget, no Ctrl+Space
//     summary.png     Show Model Summary on LeNet-5;  graph.png  Show Model Graph on it, fitted
//     run.png         Run Model on Image… on the X-or-O network with x.png
//   Tutorial walk (out/screenshots/tutorial-*.png): every samples/tutorial/ file opened, its hints, a
//   hover on its first layer, and the empty-file starter model (typed, then with Ctrl+Space).
//   With --zh the editor runs with `cnnShape.language: zh-cn` and the README pictures go to
//   out/screenshots/zh-*.png instead (the Chinese messages, hover, summary and run page of issue 12).
//   node scripts/readme-screenshots.mjs [--zh] [--only readme|tutorial] [--timeout SEC] [--verbose]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SCREENSHOT_DIR, openFile, runCommand, waitFor } from './editor/editor.mjs';
import { flag, opt } from './editor/args.mjs';
import { activeWebview, viewIncludes, viewText, wordPoint } from './editor/page.mjs';
import { check, editorScript } from './editor/script.mjs';

const DOCS_IMAGES = join(REPO_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1100, height: 620 };
const { step, start, run } = editorScript('readme-shots', { timeoutSec: 420, cleanup: () => rmSync(workspace, { recursive: true, force: true }) });
const failures = [];
let editor;

const ZH = flag('--zh');

async function shot(dir, name) {
  if (ZH) dir = SCREENSHOT_DIR;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${ZH ? 'zh-' : ''}${name}.png`);
  await editor.page.screenshot({ path });
  step(`screenshot ${path.slice(REPO_ROOT.length)}`);
}

/** Runs one step; a failure is recorded with a screenshot and the walk goes on. */
async function attempt(name, body) {
  try {
    await body();
  } catch (err) {
    failures.push(name);
    console.error(`[readme-shots] FAILED ${name}: ${err instanceof Error ? err.message : err}`);
    await shot(SCREENSHOT_DIR, `readme-failed-${name}`).catch(() => undefined);
  }
  await editor.page.keyboard.press('Escape');
}

/** The screen point of `word` in the first visible editor line containing `line`. */
async function pointAt(line, word) {
  const box = await wordPoint(editor.page, line, word);
  check(box, `line "${line}" on screen`);
  return box;
}

/** Hovers `word` on the line containing `line`; returns the hover's text. */
async function hoverAt(line, word) {
  const page = editor.page;
  const p = await pointAt(line, word);
  if (flag('--verbose')) step(`hover at ${JSON.stringify(p)}`);
  // The first hover after start-up sometimes never shows: move away and back, up to three times.
  let h;
  for (let tries = 0; !h && tries < 3; tries++) {
    await page.mouse.move(1, 1);
    await page.waitForTimeout(300);
    await page.mouse.move(p.x, p.y, { steps: 5 });
    h = await page.waitForSelector('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', { timeout: 8000 }).catch(() => undefined);
  }
  check(h, `a hover on ${word}`);
  await page.waitForFunction((e) => (e.textContent ?? '').trim().length > 0, h, { timeout: 20_000 });
  await page.waitForTimeout(400);
  return (await h.innerText()).trim();
}

// Files the walk types into, written into the workspace copy before the editor starts (quick open does not
// list files created while it runs).
const SCRATCH = { 'typing.cnn.yaml': 'input: 32x32x3\nlayers:\n  - type: conv\n    ', 'empty.cnn.yaml': '' };

async function closeAll() {
  await editor.page.mouse.move(1, 1);
  await editor.page.keyboard.press('Escape');
  // Nothing is saved: the walk's edits stay in the editor and are dropped with it.
  await runCommand(editor, 'View: Close All Editor Groups').catch((e) => step(`close all: ${e.message}`));
  const dialog = editor.page.locator('.monaco-dialog-box button', { hasText: "Don't Save" });
  if (await dialog.isVisible().catch(() => false)) await dialog.click();
}

async function readme() {
  const page = editor.page;
  const F4S3 = 'tutorial/05-32x32-f4-s3-not-whole.cnn.yaml';
  const CONV_LINE = '- {type: conv, filters: 8, kernel: 4, stride: 3}';

  await attempt('error', async () => {
    await openFile(editor, F4S3);
    await waitFor(editor, '.squiggly-error');
    await page.waitForFunction(viewIncludes, '10×10×8 (10.33 → 10)', { timeout: 30_000 });
    await shot(DOCS_IMAGES, 'error');
  });
  await attempt('hover', async () => {
    // Without a pause here the hover did not show at all in two runs of three (see the report of docs9).
    await page.waitForTimeout(2000);
    const text = await hoverAt(CONV_LINE, 'conv');
    step(`hover:\n${text.replace(/^/gm, '      | ')}`);
    check(text.includes('10.33'), 'the hover shows 10.33');
    await shot(DOCS_IMAGES, 'hover');
  });
  await attempt('quickfix', async () => {
    await page.mouse.move(1, 1);
    const p = await pointAt(CONV_LINE, 'stride: 3');
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 20_000 });
    const rows = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    step(`quick fixes:\n${rows.map((r) => `      | ${r.replace(/\s+/g, ' ')}`).join('\n')}`);
    await page.waitForTimeout(300);
    await shot(DOCS_IMAGES, 'quickfix');
    // The first fix (padding 1) is focused: Enter applies it, as a person would.
    check(rows[1]?.includes('padding to 1'), 'padding 1 is the first fix');
    await page.keyboard.press('Enter');
    await page.waitForFunction(viewIncludes, '11×11×8', { timeout: 20_000 });
    await page.waitForTimeout(500);
    step(`after the fix:\n${(await page.evaluate(viewText)).split('\n').filter((l) => l.includes('type:')).map((l) => `      | ${l}`).join('\n')}`);
    await shot(DOCS_IMAGES, 'fixed');
  });
  await closeAll();

  await attempt('completion', async () => {
    await openFile(editor, 'typing.cnn.yaml');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('fil', { delay: 200 });
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 20_000 });
    await page.waitForTimeout(600);
    const rows = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
    step(`suggest widget: ${rows.map((r) => r.split('\n')[0]).join(', ')}`);
    check(rows.some((r) => r.includes('filters')), 'filters is offered');
    await shot(DOCS_IMAGES, 'completion');
  });
  await closeAll();

  for (const [file, command, name, ready] of [
    ['lenet5.cnn.yaml', 'CNN Shape: Show Model Summary', 'summary', 'table tr[data-layer]'],
    ['lenet5.cnn.yaml', 'CNN Shape: Show Model Graph', 'graph', 'svg.cnn-graph .node'],
  ]) {
    await attempt(name, async () => {
      await openFile(editor, file);
      await runCommand(editor, command);
      await activeWebview(page).locator(ready).first().waitFor({ timeout: 60_000 });
      const fit = activeWebview(page).locator('button[data-action="fit"]');
      if (await fit.count()) await fit.click();
      await page.mouse.move(1, 1);
      await page.waitForTimeout(800);
      await shot(DOCS_IMAGES, name);
    });
    await closeAll();
  }

  await attempt('run', async () => {
    await openFile(editor, 'xo/xo.cnn.yaml');
    await runCommand(editor, 'CNN Shape: Run Model on Image…');
    const input = await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 30_000 });
    await input.fill('x.png');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await activeWebview(page).locator('body').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('iframe.webview.ready').length > 0, undefined, { timeout: 60_000 });
    await page.waitForTimeout(6000);
    await shot(DOCS_IMAGES, 'run');
  });
  await closeAll();
}

async function tutorial() {
  const page = editor.page;
  const dir = join(REPO_ROOT, 'samples', 'tutorial');
  const files = readdirSync(dir).filter((f) => /\.cnn\.(ya?ml|json)$/.test(f)).sort();
  for (const f of files) {
    await attempt(`tutorial-${f}`, async () => {
      await openFile(editor, `tutorial/${f}`);
      await page.waitForFunction(viewIncludes, '→', { timeout: 30_000 });
      await page.waitForTimeout(800);
      const lines = (await page.evaluate(viewText)).split('\n').filter((l) => l.includes('→') || l.includes('type'));
      step(`${f}:\n${lines.map((l) => `      | ${l.trim()}`).join('\n')}`);
      const base = f.replace(/\.cnn\.ya?ml$/, '');
      await shot(SCREENSHOT_DIR, `tutorial-${base}`);
      const first = lines.find((l) => /type:|^\s*- \w/.test(l));
      if (first) {
        const m = /type: (\w+)/.exec(first) ?? /- (\w+)/.exec(first);
        const text = await hoverAt(first.trim().slice(0, 20), m?.[1] ?? first.trim().slice(2, 6));
        step(`hover:\n${text.replace(/^/gm, '      | ')}`);
        await shot(SCREENSHOT_DIR, `tutorial-${base}-hover`);
      }
    });
    await closeAll();
  }

  // The starter model: typed (what a learner does), then explicitly asked for.
  await attempt('tutorial-starter', async () => {
    await openFile(editor, 'empty.cnn.yaml');
    await page.keyboard.type('n', { delay: 200 });
    const typed = await page
      .waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 5000 })
      .then(() => page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts())
      .catch(() => []);
    step(`typing n in an empty file: ${typed.length ? typed.map((r) => r.split('\n')[0]).join(', ') : 'no suggest widget'}`);
    await shot(SCREENSHOT_DIR, 'tutorial-starter-typed');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 20_000 });
    await page.waitForTimeout(600);
    const asked = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
    step(`Ctrl+Space in an empty file: ${asked.map((r) => r.split('\n')[0]).join(', ')}`);
    await shot(SCREENSHOT_DIR, 'tutorial-starter-ctrl-space');
    await page.keyboard.press('Enter');
    await page.waitForFunction(viewIncludes, '→', { timeout: 30_000 });
    await page.waitForTimeout(800);
    await shot(SCREENSHOT_DIR, 'tutorial-starter-inserted');
  });
  await closeAll();
}

// The copy of samples/ the walk opens (finish removes it).
const workspace = mkdtempSync(join(tmpdir(), 'cnn-shape-readme-'));
await run(async () => {
  cpSync(join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  for (const [name, content] of Object.entries(SCRATCH)) writeFileSync(join(workspace, name), content);
  editor = await start({
    workspace,
    copyWorkspace: false,
    viewport: VIEWPORT,
    settings: { 'editor.minimap.enabled': false, 'workbench.activityBar.location': 'hidden', 'breadcrumbs.enabled': false, ...(ZH ? { 'cnnShape.language': 'zh-cn' } : {}) },
  });
  await runCommand(editor, 'View: Close Primary Side Bar').catch(() => undefined);
  const only = opt('--only');
  if (only !== 'tutorial') await readme();
  if (only !== 'readme') await tutorial();
  step(failures.length ? `done, ${failures.length} step(s) failed: ${failures.join(', ')}` : 'done');
  return failures.length ? 1 : 0;
});
