// Screenshots of "CNN Shape: Show Model Graph" in a real VS Code (code-server + headless Chromium, the
// extension loaded unpackaged from this folder: run `node scripts/build.mjs` first): ResNet-18, U-Net and
// the Inception block, each opened, the graph shown from the palette, one node clicked (which must select
// its layer in the editor). Saved as out/screenshots/graph-<sample>.png.
//   node scripts/graph-screenshots.mjs [--timeout SEC] [--verbose]
import { REPO_ROOT, openFile, runCommand, screenshot, startEditor, stop, waitFor } from './editor/editor.mjs';
import { flag, opt } from './editor/args.mjs';
import { guard } from './editor/guard.mjs';
import { join } from 'node:path';

const SAMPLES = [
  ['resnet18.cnn.yaml', 'resnet18'],
  ['v2/unet.cnn.yaml', 'unet-v2'],
  ['unet-small.cnn.yaml', 'unet-small'],
  ['inception-block.cnn.json', 'inception'],
];
const t0 = Date.now();
const step = (msg) => console.log(`[graph-shots] ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${msg}`);
let editor;
let finished = false;

async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) console.error(message);
  if (code !== 0 && editor?.page) await screenshot(editor, 'graph-failed').catch(() => undefined);
  await stop(editor).catch(() => undefined);
  process.exit(code);
}

guard('graph-shots', Number(opt('--timeout', '300')), finish).unref();

const graphFrame = (page) => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');

try {
  editor = await startEditor({
    workspace: join(REPO_ROOT, 'samples'),
    extensionDevelopmentPath: REPO_ROOT,
    viewport: { width: 1600, height: 1000 },
    verbose: flag('--verbose'),
    onLog: flag('--verbose') ? undefined : () => {},
  });
  const page = editor.page;
  for (const [file, name] of SAMPLES) {
    await openFile(editor, file);
    step(`opened ${file}`);
    await runCommand(editor, 'CNN Shape: Show Model Graph');
    await waitFor(editor, '.tabs-container .tab[aria-label*="Graph"]');
    const frame = graphFrame(page);
    await frame.locator('svg.cnn-graph .node').first().waitFor({ timeout: 60_000 });
    const status = await frame.locator('#status').innerText();
    step(`${name}: ${status}`);
    await page.waitForTimeout(500);
    const p = await screenshot(editor, `graph-${name}`);
    step(`screenshot ${p}`);
    await page.keyboard.press('Control+Shift+P').catch(() => undefined);
    await page.keyboard.press('Escape');
    await runCommand(editor, 'View: Close All Editors').catch(() => undefined);
  }
  await finish(0);
} catch (err) {
  await finish(1, `[graph-shots] ERROR: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
}
