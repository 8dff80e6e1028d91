// Export (issue 13): never overwrites its own inputs, writes only regular files, overwrites an existing
// non-.onnx file only with --force, and a user's mistake never prints a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('export');
const MODEL = 'input: 6x6x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3}\n  - flatten\n';

function cnnshape(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/src/main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function noStack(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at /m, `no stack trace: ${stderr}`);
  assert.doesNotMatch(stderr, /Error: Error|internal error/, stderr);
}

test('export refuses to overwrite the model itself, however the path is spelled', { timeout: 60_000 }, () => {
  const model = tmp.write('m.cnn.yaml', MODEL);
  mkdirSync(join(tmp.dir, 'sub'));
  for (const out of [model, join(tmp.dir, 'sub', '..', 'm.cnn.yaml')]) {
    const r = cnnshape('export', model, '--onnx', out);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /input of this export; refusing to overwrite it/);
    noStack(r.stderr);
    assert.equal(readFileSync(model, 'utf8'), MODEL);
  }
});

test('export writes only regular files: /dev/null and a FIFO are refused with a message, no stack', { timeout: 60_000 }, () => {
  const model = tmp.write('d.cnn.yaml', MODEL);
  const fifo = join(tmp.dir, 'pipe.onnx');
  execFileSync('mkfifo', [fifo]);
  for (const out of ['/dev/null', fifo]) {
    const r = cnnshape('export', model, '--onnx', out);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /not a regular file/);
    noStack(r.stderr);
  }
});

test('an existing file that is not .onnx is overwritten only with --force; a new .onnx is written', { timeout: 60_000 }, () => {
  const model = tmp.write('f.cnn.yaml', MODEL);
  const notes = tmp.write('notes.txt', 'keep me');
  const r = cnnshape('export', model, '--onnx', notes, '--no-verify');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /exists and is not \.onnx; add --force/);
  assert.equal(readFileSync(notes, 'utf8'), 'keep me');
  assert.equal(cnnshape('export', model, '--onnx', notes, '--no-verify', '--force').status, 0);
  assert.notEqual(readFileSync(notes, 'utf8'), 'keep me');
  const out = join(tmp.dir, 'new.onnx');
  const w = cnnshape('export', model, '--onnx', out);
  assert.equal(w.status, 0, w.stderr);
  assert.match(w.stdout, /verified: onnxruntime/);
});
