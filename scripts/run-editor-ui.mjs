// Drives a packaged build of an extension in a real VS Code (code-server + headless Chromium, offline), the way
// a person would, and saves screenshots to out/screenshots/. Steps (scripts/editor/editor.mjs API):
// install the .vsix into a fresh extensions dir, open the workspace, open a file, wait for a selector, hover it,
// run palette commands, screenshot after each step.
//
//   node scripts/run-editor-ui.mjs --vsix cnn-shape-0.1.0.vsix --file net.cnn.yaml \
//        [--wait-for .squiggly-error] [--hover SELECTOR] [--command "TITLE"]... [--after-command SELECTOR]
//        [--workspace DIR] [--extension DIR] [--name PREFIX] [--out DIR] [--timeout SEC] [--keep] [--verbose]
//   --vsix FILE          packaged extension to install (default: the newest ./cnn-shape-*.vsix)
//   --extension DIR      load an unpackaged extension instead (extensionDevelopmentPath)
//   --workspace DIR      folder to open, as a temp copy (default: samples/)
//   --file REL           file to open in it (required)
//   --wait-for SEL       CSS selector to wait for once the file is open (default: .squiggly-error; '' to skip)
//   --hover SEL          element to hover (default: the --wait-for selector; '' to skip); prints the hover text
//   --command TITLE      palette command to run (F1, title, Enter); repeatable
//   --after-command SEL  selector to wait for after the commands (e.g. '.notification-toast')
//   --name PREFIX        screenshot name prefix (default: ui) -> out/screenshots/PREFIX-1-open.png ...
// Exit: 0 all steps done, 1 a step failed (screenshot PREFIX-failed.png), 3 deps missing, 124 timeout.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  REPO_ROOT,
  SCREENSHOT_DIR,
  hover,
  openFile,
  runCommand,
  screenshot,
  startEditor,
  stopAll,
  waitFor,
} from './editor/editor.mjs';
import { flag, opt } from './editor/args.mjs';
import { guard } from './editor/guard.mjs';

const argv = process.argv.slice(2);
const opts = (name) => argv.flatMap((a, i) => (a === name && i + 1 < argv.length ? [argv[i + 1]] : []));

const t0 = Date.now();
const secs = (a, b = Date.now()) => ((b - a) / 1000).toFixed(1);
const step = (msg) => console.log(`[editor-ui] ${secs(t0).padStart(5)} s  ${msg}`);
let editor;
let finished = false;

async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) console.error(message);
  if (code !== 0 && editor?.page) {
    const p = await screenshot(editor, `${opt('--name', 'ui')}-failed`, { dir: outDir }).catch(() => undefined);
    if (p) console.error(`[editor-ui] failure screenshot: ${p}`);
  }
  await stopAll({ keep: flag('--keep') }).catch((e) => console.error(`[editor-ui] stop: ${e.message}`));
  console.log(`[editor-ui] exit ${code} after ${secs(t0)} s`);
  process.exit(code);
}

const outDir = resolve(opt('--out', SCREENSHOT_DIR));
const timeoutSec = Number(opt('--timeout', '180'));
guard('editor-ui', timeoutSec, finish).unref();

function newestVsix() {
  const found = readdirSync(REPO_ROOT)
    .filter((f) => /^cnn-shape-.*\.vsix$/.test(f))
    .map((f) => join(REPO_ROOT, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

try {
  const file = opt('--file');
  if (!file) await finish(2, '[editor-ui] ERROR: --file REL is required (a file of the workspace to open)');
  const extension = opt('--extension');
  const vsix = extension ? undefined : opt('--vsix') ?? newestVsix();
  if (!extension && (!vsix || !existsSync(vsix))) {
    await finish(2, `[editor-ui] ERROR: no .vsix (${vsix ?? 'none in the repo root'}): build one with \`npx vsce package\` or pass --vsix FILE`);
  }
  const workspace = resolve(opt('--workspace', join(REPO_ROOT, 'samples')));
  const waitSel = opt('--wait-for', '.squiggly-error');
  const hoverSel = opt('--hover', waitSel);
  const commands = opts('--command');
  const afterCommand = opt('--after-command');
  const name = opt('--name', 'ui');
  const shots = [];
  const shot = async (label) => {
    shots.push(await screenshot(editor, `${name}-${shots.length + 1}-${label}`, { dir: outDir }));
    step(`screenshot ${shots[shots.length - 1]}`);
  };

  step(extension ? `starting editor with ${extension} (unpackaged)` : `starting editor, installing ${vsix}`);
  editor = await startEditor({
    workspace,
    vsix: vsix ? [vsix] : [],
    extensionDevelopmentPath: extension,
    verbose: flag('--verbose'),
    onLog: flag('--verbose') ? undefined : () => {},
  });
  step(`workbench shown (code-server on 127.0.0.1:${editor.port})`);
  await openFile(editor, file);
  step(`opened ${file}`);
  await shot('open');
  if (waitSel) {
    await waitFor(editor, waitSel);
    step(`found ${waitSel}`);
  }
  if (hoverSel) {
    const text = await hover(editor, hoverSel);
    step(`hover over ${hoverSel}:\n${text.replace(/^/gm, '      | ')}`);
    await shot('hover');
  }
  for (const title of commands) {
    await runCommand(editor, title);
    step(`ran command "${title}"`);
  }
  if (afterCommand) {
    await waitFor(editor, afterCommand);
    step(`found ${afterCommand}`);
  }
  if (commands.length > 0 || afterCommand) {
    await new Promise((r) => setTimeout(r, 500));
    await shot('command');
  }
  step(`done: ${shots.length} screenshot(s) in ${outDir}`);
  await finish(0);
} catch (err) {
  await finish(1, `[editor-ui] ERROR: ${err instanceof Error ? err.stack ?? err.message : err}`);
}
