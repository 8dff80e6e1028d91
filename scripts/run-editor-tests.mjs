// Runs the editor test suite (tests/vscode/suite, @vscode/test-electron's run() contract) inside a real
// VS Code offline: code-server 4.100.3 + headless Debian Chromium (scripts/editor/editor.mjs). Exits with the
// suite's exit code (0 = all passed), 2 on a harness error, 3 if the editor deps are missing, 124 on timeout.
//
//   node scripts/run-editor-tests.mjs [options]        (npm run test:editor builds the extension first)
//     --extension DIR   extension to load unpackaged (default: the repo root, i.e. this repo's package.json)
//     --tests FILE      a bundled suite index.js to run as is (default: build tests/vscode/suite first)
//     --tests-src DIR   build the suite from this folder's *.test.ts instead of tests/vscode/suite
//     --workspace DIR   folder to open, copied to a temp folder (default: samples/)
//     --timeout SEC     overall limit (default 180)
//     --grep TEXT       only tests whose title matches
//     --locale LANG     VS Code's display language (code-server resolves it only with a language pack installed)
//     --settings JSON   user settings merged over the defaults, e.g. '{"cnnShape.language":"zh-cn"}'
//     --verbose         also print code-server's output and the page console
//     --keep            keep the temp folder (user data, logs)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildVscodeTests } from './build-vscode-tests.mjs';
import { REPO_ROOT, startEditor, stopAll } from './editor/editor.mjs';
import { flag, opt } from './editor/args.mjs';
import { guard } from './editor/guard.mjs';


const timeoutSec = Number(opt('--timeout', '180'));
const t0 = Date.now();
const secs = (a, b = Date.now()) => ((b - a) / 1000).toFixed(1);
let editor;
let customOut;
let finished = false;

async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) console.error(message);
  await stopAll({ keep: flag('--keep') }).catch((e) => console.error(`[editor-tests] stop: ${e.message}`));
  if (customOut && !flag('--keep')) rmSync(customOut, { recursive: true, force: true });
  console.log(`[editor-tests] exit ${code} after ${secs(t0)} s`);
  process.exit(code);
}

const timer = guard('editor-tests', timeoutSec, finish, `timed out after ${timeoutSec} s (the suite never reported an exit code)`);

try {
  let testsPath = opt('--tests');
  if (testsPath) {
    testsPath = resolve(testsPath);
    if (!existsSync(testsPath)) await finish(2, `[editor-tests] ERROR: ${testsPath} does not exist`);
  } else {
    const tb = Date.now();
    // A suite from elsewhere (--tests-src) is bundled into a temp folder; the repo's into out/vscode-tests/suite.
    if (opt('--tests-src')) customOut = mkdtempSync(join(tmpdir(), 'cnn-shape-suite-'));
    const built = await buildVscodeTests(opt('--tests-src') ? { testsDir: opt('--tests-src'), outDir: customOut } : {});
    testsPath = built.index;
    console.log(`[editor-tests] built suite (${built.tests.length} file(s)) in ${secs(tb)} s`);
  }
  const extensionDevelopmentPath = resolve(opt('--extension', REPO_ROOT));
  const workspace = resolve(opt('--workspace', join(REPO_ROOT, 'samples')));
  console.log(`[editor-tests] extension ${extensionDevelopmentPath}`);
  console.log(`[editor-tests] suite     ${testsPath}`);
  console.log(`[editor-tests] workspace ${workspace} (temp copy)`);

  const env = {};
  if (opt('--grep')) env.CNNSHAPE_TEST_GREP = opt('--grep');
  editor = await startEditor({
    workspace,
    extensionDevelopmentPath,
    extensionTestsPath: testsPath,
    env,
    ...(opt('--locale') ? { locale: opt('--locale') } : {}),
    ...(opt('--settings') ? { settings: JSON.parse(opt('--settings')) } : {}),
    verbose: flag('--verbose'),
    waitForWorkbench: false,
  });
  console.log(`[editor-tests] code-server up on 127.0.0.1:${editor.port} in ${secs(editor.t0, editor.tReady)} s; page opened`);
  const code = await editor.exitCode;
  clearTimeout(timer);
  console.log(`[editor-tests] suite exit code ${code} (${secs(editor.tReady)} s from editor start to exit)`);
  await finish(code);
} catch (err) {
  await finish(2, `[editor-tests] ERROR: ${err instanceof Error ? err.stack ?? err.message : err}`);
}
