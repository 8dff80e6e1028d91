// `npm test`: every suite, in order, on a fresh machine included:
//   1. bundles (esbuild), type check (tsc -b) and lint (ESLint with typescript-eslint's type-checked rules,
//      eslint.config.mjs; any error fails the step);
//   2. unit, property-based, LSP and runner tests (node's test runner, scripts/run-tests.mjs), then random
//      networks checked against PyTorch itself (Debian's python3-torch; tests/pytorch/compare.py prints
//      its seed, a new one each run, so the cases vary), and the v2 samples' PyTorch references
//      (tests/pytorch/check_v2_samples.py: references and flat files current, samples match torchvision),
//      and the PyTorch export of every sample and of random networks run against the runner
//      (tests/pytorch/export_check.py, "pytorch export: N passed, N failed");
//   3. the editor's dependencies (code-server + Chromium, scripts/install-editor-test-deps.sh), then the
//      in-editor suites (scripts/run-editor-tests.mjs: the extension's, then the runner's from
//      tests/runner/vscode, the Chinese one from tests/vscode/zh) and the UI run of the packaged .vsix
//      (scripts/ui-test.mjs).
// Every step runs even if an earlier one failed, so one report shows everything; the exit status is 1
// if anything failed. The last line is the total: "all tests: N passed, N failed".
// CNNSHAPE_SKIP_EDITOR=1 skips step 3 (say so loudly: CI never sets it).
import { spawn } from 'node:child_process';

const steps = [
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'typecheck', cmd: process.execPath, args: ['node_modules/typescript/bin/tsc', '-b'] },
  { name: 'lint', cmd: process.execPath, args: ['node_modules/eslint/bin/eslint.js', '.'], counts: 'eslint' },
  { name: 'unit tests', cmd: process.execPath, args: ['scripts/run-tests.mjs'], counts: 'node' },
  { name: 'PyTorch (Debian python3-torch)', cmd: 'bash', args: ['scripts/install-pytorch.sh'] },
  { name: 'shapes and outputs against PyTorch', cmd: '/usr/bin/python3', args: ['tests/pytorch/compare.py', 'bin/cnnshape.js', 'out/pytorch-cases', '80', String(Date.now() % 100000)], counts: 'pytorch' },
  { name: 'PyTorch export (cnnshape export --pytorch) against the runner', cmd: '/usr/bin/python3', args: ['tests/pytorch/export_check.py', 'bin/cnnshape.js', 'out/pytorch-export', '40', String(Date.now() % 100000)], counts: 'pytorch-export' },
  { name: 'v2 samples and their references against torchvision', cmd: '/usr/bin/python3', args: ['tests/pytorch/check_v2_samples.py'], counts: 'pytorch' },
];
if (process.env.CNNSHAPE_SKIP_EDITOR === '1') {
  console.log('!! CNNSHAPE_SKIP_EDITOR=1: the in-editor tests are skipped');
} else {
  steps.push(
    { name: 'editor dependencies', cmd: 'bash', args: ['scripts/install-editor-test-deps.sh'] },
    { name: 'editor tests', cmd: process.execPath, args: ['scripts/run-editor-tests.mjs'], counts: 'editor' },
    { name: 'runner editor tests', cmd: process.execPath, args: ['scripts/run-editor-tests.mjs', '--tests-src', 'tests/runner/vscode'], counts: 'editor' },
    { name: 'editor tests in Chinese', cmd: process.execPath, args: ['scripts/run-editor-tests.mjs', '--tests-src', 'tests/vscode/zh', '--settings', '{"cnnShape.language":"zh-cn"}'], counts: 'editor' },
    { name: 'editor UI run', cmd: process.execPath, args: ['scripts/ui-test.mjs'], counts: 'single' },
  );
}

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const relay = (stream, sink) =>
      stream.on('data', (b) => {
        const s = b.toString();
        out += s;
        sink.write(s);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', (e) => resolve({ code: 127, out: String(e) }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
const report = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${[step.cmd === process.execPath ? 'node' : step.cmd, ...step.args].join(' ')}`);
  const t = Date.now();
  const { code, out } = await run(step);
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  let p = 0;
  let f = 0;
  if (step.counts === 'node') {
    p = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
    f = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0);
  } else if (step.counts === 'pytorch') {
    const m = /pytorch: (\d+) passed, (\d+) failed/.exec(out);
    p = Number(m?.[1] ?? 0);
    f = Number(m?.[2] ?? 0);
  } else if (step.counts === 'pytorch-export') {
    const m = /pytorch export: (\d+) passed, (\d+) failed/.exec(out);
    p = Number(m?.[1] ?? 0);
    f = Number(m?.[2] ?? 0);
  } else if (step.counts === 'editor') {
    const m = /editor tests: (\d+) passed, (\d+) failed/.exec(out);
    p = Number(m?.[1] ?? 0);
    f = Number(m?.[2] ?? 0);
  } else if (step.counts === 'eslint') {
    // "✖ 3 problems (2 errors, 1 warning)": each error is a failure; nothing printed means none.
    f = Number(/\((\d+) errors?, \d+ warnings?\)/.exec(out)?.[1] ?? 0);
  } else if (step.counts === 'single') {
    p = code === 0 ? 1 : 0;
  }
  if (code !== 0 && f === 0) f = 1; // a step that failed without counting its failures still counts as one
  passed += p;
  failed += f;
  report.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${secs} s)${p || f ? `: ${p} passed, ${f} failed` : ''}`);
}
console.log('\n' + report.join('\n'));
console.log(`all tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
