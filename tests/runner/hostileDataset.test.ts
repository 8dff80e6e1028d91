// Evaluation datasets from the hostile campaign (issue 13): 100,000 class folders once built a confusion
// matrix of 10^10 counts (killed at 3 GB); more than MAX_CLASSES folders are now refused at once, in
// the user's language, before any folder below them is read. A FIFO or a device among the class
// folders is not a class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CLASSES, readImageFolder } from '../../runner/src/run/imageFolder';
import { setLocale } from '../../core/src/index';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('dataset');
const root = join(__dirname, '../..');

function folders(name: string, count: number): { dir: string; labels: string[] } {
  const dir = join(tmp.dir, name);
  const labels = Array.from({ length: count }, (_, i) => `c${i}`);
  for (const l of labels) mkdirSync(join(dir, l), { recursive: true });
  return { dir, labels };
}

test('more class folders than MAX_CLASSES: refused at once, naming the folder, the count and the limit', { timeout: 20_000 }, () => {
  const { dir, labels } = folders('many', MAX_CLASSES + 1);
  const started = Date.now();
  assert.throws(() => readImageFolder(dir, labels, 'm.cnn.yaml'), (e: Error) => e.message.includes(dir) && e.message.includes(`${MAX_CLASSES + 1}`) && e.message.includes(`${MAX_CLASSES}`));
  setLocale('zh-cn');
  try {
    assert.throws(() => readImageFolder(dir, labels, 'm.cnn.yaml'), /类别文件夹/);
  } finally {
    setLocale('en');
  }
  assert.ok(Date.now() - started < 5000);
});

test('MAX_CLASSES class folders are still a dataset', { timeout: 20_000 }, () => {
  const { dir, labels } = folders('limit', MAX_CLASSES);
  writeFileSync(join(dir, 'c0', 'x.png'), 'not read here');
  assert.equal(readImageFolder(dir, labels, 'm.cnn.yaml').length, MAX_CLASSES);
});

test('cnnshape eval on too many class folders: exit 1 (as for unknown class folders) with one line, bounded in time', { timeout: 60_000 }, () => {
  const { dir, labels } = folders('cli', MAX_CLASSES + 5);
  writeFileSync(join(tmp.dir, 'labels.txt'), labels.join('\n'));
  const model = tmp.write('m.cnn.yaml', `input: 4x4x1\nlabels: labels.txt\nlayers:\n  - flatten\n  - {type: dense, units: ${labels.length}}\n`);
  const r = spawnSync(process.execPath, [join(root, 'bin/cnnshape.js'), 'eval', model, dir], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /class folders/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('class folders without a single image: an error naming the folder, not figures of nothing', () => {
  const { dir, labels } = folders('empty', 3);
  assert.throws(() => readImageFolder(dir, labels, 'm.cnn.yaml'), (e: Error) => e.message === `${dir}: its class folders hold no PNG or JPEG images`);
  // One image anywhere is a dataset (the empty classes count for precision).
  writeFileSync(join(dir, 'c1', 'x.png'), 'not read here');
  assert.deepEqual(readImageFolder(dir, labels, 'm.cnn.yaml').map((c) => c.images.length), [0, 1, 0]);
});
