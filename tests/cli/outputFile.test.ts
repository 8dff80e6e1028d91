// Output files of `graph` and `export` (hostile campaign, issue 13): a full disk, a missing folder, a
// procfs file or a FIFO as the output is a usage error naming the file and the reason (exit 2), never
// an internal error with a stack trace, and never a hang on a FIFO without a reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../runner/helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('outputs');
const model = tmp.write('m.cnn.yaml', 'input: 4x4x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3}\n  - flatten\n  - {type: dense, units: 2}\n');
const fifo = join(tmp.dir, 'out.fifo');
execFileSync('mkfifo', [fifo]);

function cnnshape(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/cnnshape.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

const CASES: Array<[string, string[], RegExp]> = [
  ['graph --png onto a full disk', ['graph', '--png', '/dev/full', model], /--png \/dev\/full: not a regular file/],
  ['graph --svg into a missing folder', ['graph', '--svg', join(tmp.dir, 'no/such/g.svg'), model], /--svg .*g\.svg: cannot write it \(ENOENT\)/],
  ['graph --dot onto a FIFO', ['graph', '--dot', fifo, model], /--dot .*out\.fifo: cannot write it \(ENXIO\)|not a regular file/],
  ['export --onnx into a missing folder', ['export', '--onnx', join(tmp.dir, 'no/such/m.onnx'), model], /--onnx .*m\.onnx: cannot write it \(ENOENT\)/],
  ['export --pytorch into a missing folder', ['export', '--pytorch', join(tmp.dir, 'no/such/m.py'), model], /--pytorch .*m\.py: cannot write it \(ENOENT\)/],
];

for (const [name, args, message] of CASES) {
  test(name, { timeout: 40_000 }, () => {
    const r = cnnshape(...args);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at |internal error/);
  });
}

test('the same in Chinese', { timeout: 40_000 }, () => {
  const r = cnnshape('--lang', 'zh-cn', 'graph', '--svg', join(tmp.dir, 'no/g.svg'), model);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /无法写入（ENOENT）/);
});

test('a writable output is still written', { timeout: 40_000 }, () => {
  const out = join(tmp.dir, 'g.svg');
  assert.equal(cnnshape('graph', '--svg', out, model).status, 0);
  assert.ok(existsSync(out));
});
