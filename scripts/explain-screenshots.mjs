// Screenshots of "Explain This Layer" in a real VS Code (code-server + headless Chromium, the extension
// loaded unpackaged from this folder: run `node scripts/build.mjs` first), each step checked before its
// picture is taken, on the tutorial's 32×32×3 image with a 4×4 filter and stride 3
// (samples/tutorial/05-32x32-f4-s3-not-whole.cnn.yaml):
//   1. the hover on the conv: the dense-vs-convolution weights and the "Explain this layer" link;
//   2. the view opened from the code lens: the uncovered column and row, the windows over the edge;
//   3. the last window (the output filled to 10 × 10);
//   4. "Try" on the P = 1 fix: 11 × 11 with a ring of zero padding, the file unchanged;
//   5. the same in the dark theme (the page's colours must change);
//   6. "Apply to the file": padding: 1 in the editor, the view whole;
//   7. AlexNet's conv1 on a 224 × 224 input: a crop that says so.
// Saved as out/screenshots/explain-*.png; with --zh, in Chinese (cnnShape.language: zh-cn) as explain-zh-*.png.
//   node scripts/explain-screenshots.mjs [--zh] [--timeout SEC] [--verbose]
import { openFile, runCommand, screenshot, waitFor } from './editor/editor.mjs';
import { flag } from './editor/args.mjs';
import { activeWebview } from './editor/page.mjs';
import { check, editorScript } from './editor/script.mjs';

const FILE = 'tutorial/05-32x32-f4-s3-not-whole.cnn.yaml';
const ZH = flag('--zh');
/** The words the checks look for, in the language shown (core/src/i18n/en and zh-cn, explain.ts). */
const L = ZH
  ? { lens: '讲解这一层', compare: '全连接层与卷积层对比', crop: '只画出一部分', whole: '每个窗口都放得下', prefix: 'explain-zh' }
  : { lens: 'Explain this layer', compare: 'Dense vs convolution', crop: 'Showing a crop', whole: 'Every window fits', prefix: 'explain' };
const { step, start, run } = editorScript('explain-shots', { failedShot: 'explain-failed' });
let editor;

async function shot(name) {
  step(`screenshot ${await screenshot(editor, name.replace(/^explain/, L.prefix))}`);
}

/** The page's drawing, counted in the page. */
async function counts(f) {
  return {
    heading: await f.locator('h1').innerText(),
    px: await f.locator('.grids svg rect.px').count(),
    pad: await f.locator('.grids svg rect.pad').count(),
    uncovered: await f.locator('.grids svg rect.uncovered').count(),
    overhang: await f.locator('g.windows rect.overhang').count(),
    out: await f.locator('.grids svg rect.out').count(),
    filled: await f.locator('.grids svg rect.out.filled, .grids svg rect.out.current').count(),
    text: await f.locator('#root').innerText(),
  };
}

async function colours(f) {
  const body = await f.locator('body').evaluate((e) => getComputedStyle(e).backgroundColor);
  const cell = await f.locator('.grids svg rect.px').first().evaluate((e) => getComputedStyle(e).fill);
  return { body, cell };
}

async function until(what, fn) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within 30 s`);
    await editor.page.waitForTimeout(200);
  }
}

await run(async () => {
  editor = await start({ settings: ZH ? { 'cnnShape.language': 'zh-cn' } : {} });
  const page = editor.page;
  await openFile(editor, FILE);
  step(`opened ${FILE}`);
  await waitFor(editor, '.squiggly-error');

  // 1. The hover on the conv's type.
  const type = page.locator('.editor-group-container.active .view-line span', { hasText: /^conv$/ }).first();
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  // The server may still be starting: move away and back until the hover has the comparison.
  // The code lens may appear meanwhile and move the line: the word's box is measured each time.
  await until('the hover with the comparison', async () => {
    const box = await type.boundingBox();
    check(box, 'the word conv on screen');
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(1500);
    return (await hover.isVisible()) && (await hover.innerText()).includes(L.compare);
  });
  await page.waitForTimeout(300);
  const hoverText = await hover.innerText();
  step(`hover:\n${hoverText.replace(/^/gm, '      | ')}`);
  check(hoverText.includes('3,072,000'), 'the dense weights for 1,000 neurons on 32×32×3');
  check(hoverText.includes(L.lens), 'the link');
  await shot('explain-1-hover');
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');

  // 2. The code lens opens the view.
  const lens = page.locator('.codelens-decoration a', { hasText: L.lens }).first();
  await lens.waitFor({ timeout: 30_000 });
  await lens.click();
  await waitFor(editor, `.tabs-container .tab[aria-label*="${ZH ? '讲解' : 'Explain'}"]`);
  const f = activeWebview(page);
  await f.locator('.grids svg rect.px').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  let c = await counts(f);
  step(`view: ${c.heading}; px ${c.px}, pad ${c.pad}, uncovered ${c.uncovered}, overhang ${c.overhang}, out ${c.out}, filled ${c.filled}`);
  check(c.px === 31 * 31 && c.uncovered === 63 && c.pad === 0 && c.overhang === 2 && c.out === 100, 'the 32×32 grid with its uncovered column and row');
  check(c.text.includes('10.33'), 'the exact size in the text');
  await shot('explain-2-view');

  // 3. The last window.
  await f.locator('button[data-control="last"]').click();
  await until('the output filled', async () => (await counts(f)).filled === 100);
  await shot('explain-3-last-window');

  // 4. Try P = 1.
  const first = f.locator('ul.fixes li').first();
  check((await first.innerText()).includes('11×11×8'), 'the first fix gives 11×11×8 (padding 1)');
  await first.locator('button[data-button="try"]').click();
  await until('the fix drawn', async () => (await counts(f)).out === 121);
  c = await counts(f);
  step(`trying P = 1: px ${c.px}, pad ${c.pad}, uncovered ${c.uncovered}, overhang ${c.overhang}, out ${c.out}`);
  check(c.px === 1024 && c.pad === 34 * 34 - 1024 && c.uncovered === 0 && c.overhang === 0, 'padding ring, everything covered');
  await page.waitForTimeout(300);
  await shot('explain-4-try-p1');

  // 5. Dark theme.
  const before = await colours(f);
  await page.keyboard.press('Escape');
  await runCommand(editor, 'Preferences: Toggle between Light/Dark Themes');
  const dark = await until('the page colours change', async () => {
    const now = await colours(f);
    return now.body !== before.body && now.cell !== before.cell ? now : undefined;
  });
  step(`theme: ${JSON.stringify(before)} → ${JSON.stringify(dark)}`);
  await page.waitForTimeout(300);
  await shot('explain-5-try-p1-dark');
  await runCommand(editor, 'Preferences: Toggle between Light/Dark Themes');

  // 6. Apply.
  await f.locator('ul.fixes li').first().locator('button[data-button="apply"]').click();
  await until('the file fixed', () => page.evaluate(() => [...document.querySelectorAll('.editor-group-container .view-line')].some((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').includes('padding: 1'))));
  await until('the view whole', async () => (await counts(f)).text.includes(L.whole));
  await page.waitForTimeout(500);
  await shot('explain-6-applied');

  // 7. A large input: AlexNet's conv1 on 224×224, drawn as a crop that says so.
  await runCommand(editor, 'View: Close All Editors').catch(() => undefined);
  await openFile(editor, 'alexnet-224.cnn.json');
  const lens2 = page.locator('.codelens-decoration a', { hasText: L.lens }).first();
  await lens2.waitFor({ timeout: 30_000 });
  await lens2.click();
  const f2 = activeWebview(page);
  await until('the crop drawn', async () => (await f2.locator('#root').innerText().catch(() => '')).includes(L.crop));
  c = await counts(f2);
  step(`alexnet conv1: ${c.heading}; px ${c.px}, uncovered ${c.uncovered}, out ${c.out}`);
  check(c.px + c.uncovered === 28 * 28 && c.out === 28 * 28, 'the 224 × 224 input drawn as 28 × 28 cells');
  await page.waitForTimeout(400);
  await shot('explain-7-crop-alexnet');
  step('done');
});
