// The evaluation in the worker (engine/client.ts evaluateInWorker, what `cnnshape eval` and the
// editor's "Evaluate on Folder…" call): the count reaches the dataset's size and the matrix adds up;
// cancelling after the first image stops it with RunCancelled and leaves no scratch folder behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateInWorker, RunCancelled } from '../../runner/src/engine/client';
import { tempDir } from './helpers/tmp';

const root = join(__dirname, '../..');
const xo = join(root, 'samples/xo');
const model = join(xo, 'xo.cnn.yaml');
const tmp = tempDir('evalworker');

function dataset(name: string, copies: number): string {
  const dir = join(tmp.dir, name);
  for (const c of ['X', 'O']) mkdirSync(join(dir, c), { recursive: true });
  for (let i = 0; i < copies; i++) {
    copyFileSync(join(xo, 'x.png'), join(dir, 'X', `x${i}.png`));
    copyFileSync(join(xo, 'o.png'), join(dir, 'O', `o${i}.png`));
  }
  return dir;
}

// Scratch folders go to a temporary folder of this file's own: other tests (and other processes)
// make and remove theirs in the shared one meanwhile.
process.env['TMPDIR'] = tmp.dir;
const scratch = () => readdirSync(tmpdir()).filter((f) => f.startsWith('cnnshape-run-')).length;

test('evaluateInWorker counts every image and gives the matrix', async () => {
  const counts: Array<[number, number]> = [];
  const r = await evaluateInWorker({ modelFile: model, dataset: dataset('all', 5), batchSize: 3 }, { onCounted: (done, total) => counts.push([done, total]) });
  assert.deepEqual(counts.at(-1), [10, 10]);
  assert.deepEqual(counts.map(([d]) => d), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(r.confusion, { classes: ['O', 'X'], matrix: [[5, 0, 0], [0, 5, 0]] });
  assert.equal(r.accuracy, 1);
});

test('cancelling an evaluation after its first image rejects with RunCancelled and cleans up', async () => {
  const before = scratch();
  const abort = new AbortController();
  let counted = 0;
  await assert.rejects(
    evaluateInWorker({ modelFile: model, dataset: dataset('cancel', 300), batchSize: 2 }, { signal: abort.signal, onCounted: () => (counted++ === 0 ? abort.abort() : undefined) }),
    RunCancelled,
  );
  assert.ok(counted >= 1);
  // The worker stops after the pass in progress; its scratch folder goes with it.
  const deadline = Date.now() + 10_000;
  while (scratch() > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.equal(scratch(), before);
});

test('a dataset error from the worker is a user error with the folder named', async () => {
  const empty = join(tmp.dir, 'empty');
  mkdirSync(empty);
  await assert.rejects(evaluateInWorker({ modelFile: model, dataset: empty }), (e: Error & { user?: boolean }) => e.user === true && /no class folders/.test(e.message));
});
