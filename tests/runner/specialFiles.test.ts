// Hostile files (issue 13): a FIFO as model, weights, image or labels is refused at once instead of
// hanging; /dev/zero and /dev/urandom are refused instead of read until memory runs out; each message
// names the file and says why. --threads is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../core/src/index';
import { readImageFile, ImageError } from '../../runner/src/images/decode';
import { loadLabels, LabelsError } from '../../runner/src/run/labels';
import { readSafetensors, WeightsError } from '../../runner/src/weights/safetensors';
import { FileRefused, readRegularFile } from '../../runner/src/files/readRegular';
import { tempDir } from './helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('special');
const LIMIT = { timeout: 20_000 };

function fifo(name: string): string {
  const p = join(tmp.dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}

function cnnshape(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/src/main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 15_000 });
}

test('a FIFO as weights, image or labels is refused at once, naming the file and why', LIMIT, () => {
  const w = fifo('w.safetensors');
  assert.throws(() => readSafetensors(w), (e: Error) => e instanceof WeightsError && e.message.includes(w) && /named pipe \(FIFO\)/.test(e.message));
  const img = fifo('i.png');
  assert.throws(() => readImageFile(img), (e: Error) => e instanceof ImageError && e.message.includes(img) && /named pipe/.test(e.message));
  fifo('labels.txt');
  const a = analyze({ text: 'input: 4x4x1\nlabels: labels.txt\nlayers:\n  - flatten\n', fileName: 'm.cnn.yaml' });
  assert.throws(() => loadLabels(a.model, join(tmp.dir, 'm.cnn.yaml')), (e: Error) => e instanceof LabelsError && /labels\.txt: a named pipe/.test(e.message));
});

test('a FIFO, /dev/zero or /dev/urandom as the model: exit 2 at once with the reason', LIMIT, () => {
  for (const [file, why] of [[fifo('m.cnn.yaml'), /named pipe/], ['/dev/zero', /character device/], ['/dev/urandom', /character device/]] as const) {
    for (const cmd of file.endsWith('.yaml') ? ['check', 'summary'] : ['check']) {
      const r = cnnshape(cmd, file);
      assert.equal(r.status, 2, `${cmd} ${file}: ${r.stderr}`);
      assert.ok(r.stderr.includes(file) && why.test(r.stderr), r.stderr);
    }
  }
});

test('special files are refused for every kind; a file that says 0 bytes is still read only up to the limit', LIMIT, () => {
  for (const kind of ['model', 'labels', 'weights', 'image'] as const) {
    assert.throws(() => readRegularFile('/dev/zero', kind), FileRefused);
    assert.throws(() => readRegularFile(tmp.dir, kind), /a directory, not a file/);
  }
  // procfs files have size 0 in fstat and content when read: the limit holds while reading.
  const big = tmp.write('big.txt', 'x'.repeat(5000));
  assert.throws(() => readRegularFile(big, 'labels', { maxBytes: 4096 }), /larger than the 4096 bytes allowed for labels files/);
  assert.equal(readRegularFile('/proc/self/stat', 'labels').length > 0, true);
});

test('--threads is bounded: 1 to 4 × the cores, with a clear error', LIMIT, () => {
  const model = join(root, 'samples/xo/xo.cnn.yaml');
  const r = cnnshape('run', model, join(root, 'samples/xo/x.png'), '--threads', '100000');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`--threads must be at most ${availableParallelism() * 4}, not '100000'`));
  assert.equal(cnnshape('run', model, join(root, 'samples/xo/x.png'), '--threads', '0').status, 2);
});
