// Leftovers (issue 13): a run leaves no files behind, neither in the working folder nor in $TMPDIR
// (onnxruntime's telemetry wrote mat-debug-<pid>.log and .ses; profiles stayed after Ctrl-C).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('leftovers');
// The built CLI, as users run it (tsx would keep its own cache in $TMPDIR).
const cli = join(root, 'dist/cli.js');

function freshFolder(name: string): { cwd: string; tmpdir: string } {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run node scripts/build.mjs first');
  const cwd = join(tmp.dir, name);
  const tmpdir = join(cwd, 'tmp');
  mkdirSync(tmpdir, { recursive: true });
  return { cwd, tmpdir };
}

/** Every file and folder under dir, recursively, relative names. */
function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const env = (tmpdir: string) => {
  const e: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmpdir };
  delete e['ORT_DISABLE_TELEMETRY']; // the runner must set it itself
  return e;
};

test('a run leaves nothing in the working folder or in $TMPDIR', { timeout: 60_000 }, () => {
  const { cwd, tmpdir } = freshFolder('once');
  tmp.write('once/m.cnn.yaml', 'input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3}\n  - flatten\n');
  tmp.write('once/a.png', pngBytes(8, 8, (x, y) => [x * 20, y * 20, 0, 255]));
  const r = spawnSync(process.execPath, [cli, 'run', 'm.cnn.yaml', 'a.png'], { cwd, env: env(tmpdir), encoding: 'utf8', timeout: 50_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(listAll(tmpdir), []);
  assert.deepEqual(listAll(cwd), ['a.png', 'm.cnn.yaml', 'tmp']);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) test(`${signal} in the middle of a run: exit 130, and the profile folder is removed`, { timeout: 120_000 }, async () => {
  const { cwd, tmpdir } = freshFolder(`interrupted-${signal}`);
  tmp.write(`interrupted-${signal}/m.cnn.yaml`, 'input: 96x96x3\nlayers:\n' + '  - {type: conv, filters: 32, kernel: 3, padding: 1}\n'.repeat(6) + '  - flatten\n');
  tmp.write(`interrupted-${signal}/a.png`, pngBytes(96, 96, (x, y) => [x, y, 7, 255]));
  const child = spawn(process.execPath, [cli, 'run', 'm.cnn.yaml', '--profile', ...new Array<string>(3000).fill('a.png')], { cwd, env: env(tmpdir), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  // Wait until onnxruntime's session (with its profile folder) exists, then interrupt.
  const deadline = Date.now() + 90_000;
  while (!listAll(tmpdir).some((f) => f.includes('cnnshape-profile-')) && Date.now() < deadline) await sleep(50);
  assert.ok(listAll(tmpdir).some((f) => f.includes('cnnshape-profile-')), 'the run started');
  child.kill(signal);
  const code = await exited;
  assert.equal(code, 130, stderr);
  assert.match(stderr, /interrupted/);
  assert.deepEqual(listAll(tmpdir), []);
  assert.deepEqual(listAll(cwd), ['a.png', 'm.cnn.yaml', 'tmp']);
});

test('a scratch folder left by a process killed outright is removed by the next run; a living process keeps its own', { timeout: 60_000 }, () => {
  const { cwd, tmpdir } = freshFolder('orphans');
  tmp.write('orphans/m.cnn.yaml', 'input: 8x8x1\nlayers:\n  - flatten\n');
  tmp.write('orphans/a.png', pngBytes(8, 8, () => [9, 9, 9, 255]));
  // A process id that is not running: a short-lived child's, after it has exited.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  mkdirSync(join(tmpdir, `cnnshape-run-${gone}-AbC123`, 'profile'), { recursive: true });
  mkdirSync(join(tmpdir, `cnnshape-run-${process.pid}-XyZ789`));
  mkdirSync(join(tmpdir, 'cnnshape-run-notmine'));
  const r = spawnSync(process.execPath, [cli, 'run', 'm.cnn.yaml', 'a.png'], { cwd, env: env(tmpdir), encoding: 'utf8', timeout: 50_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(listAll(tmpdir), ['cnnshape-run-notmine', `cnnshape-run-${process.pid}-XyZ789`].sort());
});
