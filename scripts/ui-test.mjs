// The UI run of the packaged extension, as a person would use it, in a real VS Code (code-server + headless
// Chromium, offline; steps from scripts/editor/editor.mjs):
//   1. package the .vsix (`npm run package`) unless --vsix is given, and install it into a fresh code-server;
//   2. open the tutorial's stride-3 sample, wait for the red squiggle and the status-bar totals;
//   3. hover the squiggle: the hover must show the arithmetic (32 − 4 + 2·0)/3 + 1 = 10.33;
//   4. run "CNN Shape: Show Model Summary" from the palette: the webview must show the layer table, and a
//      click on a row must select that layer in the editor;
//   5. run "CNN Shape: Explain This Layer" there: its page must draw the grid with the 63 cells no window reads;
// with a screenshot after each step in out/screenshots/ (ui-test-N-*.png; ui-test-failed.png on failure).
//
//   node scripts/ui-test.mjs [--vsix FILE] [--timeout SEC] [--keep] [--verbose]
// Exit: 0 passed, 1 a step failed, 2 packaging failed, 3 editor deps missing (bash scripts/install-editor-test-deps.sh),
// 124 timeout.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  REPO_ROOT,
  hover,
  openFile,
  runCommand,
  screenshot,
  startEditor,
  stop,
  waitFor,
} from './editor/editor.mjs';
import { flag, opt } from './editor/args.mjs';
import { guard } from './editor/guard.mjs';


const SAMPLE = 'stride3-not-whole.cnn.yaml';
const ARITHMETIC = '(32 − 4 + 2·0)/3 + 1 = 10.33';
const t0 = Date.now();
const step = (msg) => console.log(`[ui-test] ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${msg}`);
let editor;
let finished = false;
let shots = 0;

async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) console.error(message);
  if (code !== 0 && editor?.page) {
    const p = await screenshot(editor, 'ui-test-failed').catch(() => undefined);
    if (p) console.error(`[ui-test] failure screenshot: ${p}`);
  }
  await stop(editor, { keep: flag('--keep') }).catch((e) => console.error(`[ui-test] stop: ${e.message}`));
  console.log(`[ui-test] exit ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(code);
}

async function shot(label) {
  const p = await screenshot(editor, `ui-test-${++shots}-${label}`);
  step(`screenshot ${p}`);
}

function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
}

/** The summary webview's content (VS Code nests it in two iframes: the host frame, then #active-frame). */
function summaryRoot(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#root');
}

/** The frame of the Explain page, once it has drawn its grid (VS Code nests each webview in two iframes). */
async function explainFrame(page, timeout) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    for (const f of page.frames()) {
      if ((await f.locator('#root svg rect.px').count().catch(() => 0)) > 0) return f;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('check failed: the Explain page drew no input grid');
}

const timeoutSec = Number(opt('--timeout', '240'));
guard('ui-test', timeoutSec, finish).unref();

try {
  let vsix = opt('--vsix');
  if (!vsix) {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    vsix = join(REPO_ROOT, `cnn-shape-${version}.vsix`);
    step('npm run package');
    const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    const done = (r.stdout ?? '').split('\n').find((l) => /Packaged:/.test(l));
    if (r.status !== 0 || !existsSync(vsix)) await finish(2, `[ui-test] ERROR: npm run package failed (exit ${r.status}):\n${r.stdout}`);
    step(done?.trim() ?? `packaged ${vsix}`);
  }
  vsix = resolve(vsix);

  editor = await startEditor({
    workspace: join(REPO_ROOT, 'samples'),
    vsix: [vsix],
    verbose: flag('--verbose'),
    onLog: flag('--verbose') ? undefined : () => {},
  });
  step(`workbench shown (code-server on 127.0.0.1:${editor.port}, ${vsix.slice(REPO_ROOT.length)} installed)`);
  const page = editor.page;

  await openFile(editor, SAMPLE);
  step(`opened ${SAMPLE}`);
  await waitFor(editor, '.squiggly-error');
  step('red squiggle shown');
  const status = await page.waitForSelector('.statusbar-item:has-text("params ·")', { timeout: 30_000 });
  const statusText = (await status.innerText()).trim();
  step(`status bar: "${statusText}"`);
  check(/params · .* MACs/.test(statusText), `status bar shows the totals ("${statusText}")`);
  // Inlay hints arrive after the diagnostics (their own request). The editor writes spaces as U+00A0 and
  // a hint's padding as U+200A: compare with all white space as one space.
  const hintShown = () =>
    [...document.querySelectorAll('.editor-group-container.active .view-line')].some((e) =>
      (e.textContent ?? '').replace(/\s+/g, ' ').includes('3} → ⚠ 10×10×8 (10.33 → 10)'),
    );
  // A non-whole size is marked as rounded, unlike a correct layer's hint.
  await page.waitForFunction(hintShown, undefined, { timeout: 30_000 }).catch(() => check(false, 'inlay hint "→ ⚠ 10×10×8 (10.33 → 10)" after the conv layer'));
  step('inlay hint → ⚠ 10×10×8 (10.33 → 10) shown');
  await shot('error');

  const hoverText = await hover(editor, '.squiggly-error');
  step(`hover:\n${hoverText.replace(/^/gm, '      | ')}`);
  check(hoverText.includes(ARITHMETIC), `hover shows ${ARITHMETIC}`);
  await shot('hover');

  await runCommand(editor, 'CNN Shape: Show Model Summary');
  step('ran "CNN Shape: Show Model Summary"');
  await waitFor(editor, '.tabs-container .tab[aria-label*="Summary"]');
  const root = summaryRoot(page);
  await root.locator('table tr[data-layer]').first().waitFor({ timeout: 30_000 });
  const table = await root.innerText();
  step(`summary webview:\n${table.replace(/^/gm, '      | ')}`);
  check(table.includes('10×10×8') && table.includes('392'), 'summary shows the conv row (10×10×8, 392 params)');
  check(/1 error, 0 warnings/.test(table), 'summary counts the error');
  await shot('summary');

  // A click on the conv row selects its `type` in the editor (the page asks the extension to reveal it).
  const lines = readFileSync(join(REPO_ROOT, 'samples', SAMPLE), 'utf8').split(/\r?\n/);
  const convLine = lines.findIndex((l) => l.includes('{type: conv')) + 1;
  check(convLine > 0, `${SAMPLE} has its conv layer`);
  await root.locator('tr[data-layer="0"]').click();
  await page.waitForSelector(`.statusbar-item:has-text("Ln ${convLine}, Col"):has-text("(4 selected)")`, { timeout: 30_000 });
  step(`clicking the conv row selected 'conv' on line ${convLine}`);

  // The Explain page (a separate webview script, dist/explainWebview.js, once left out of the .vsix): the
  // cursor is on the conv layer, so the command explains it; the page draws the input grid with the row
  // and column no window reads.
  await runCommand(editor, 'CNN Shape: Explain This Layer');
  step('ran "CNN Shape: Explain This Layer"');
  const explain = await explainFrame(page, 30_000);
  const uncovered = await explain.locator('#root svg:has(rect.px) rect.uncovered').count();
  const explainText = await explain.locator('#root').innerText();
  step(`explain page: ${uncovered} uncovered input cells; ${explainText.split('\n').slice(0, 3).join(' | ')}`);
  check(uncovered === 63, `the explain page marks the 63 input cells no window reads (${uncovered})`);
  check(explainText.includes('10.33'), 'the explain page shows 10.33');
  await shot('explain');

  step(`done: ${shots} screenshot(s) in out/screenshots/`);
  await finish(0);
} catch (err) {
  await finish(1, `[ui-test] ERROR: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
}
