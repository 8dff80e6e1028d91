// cnnshape eval on a dataset in the ImageFolder layout built from the X-or-O sample's pictures: the
// figures agree with the top-1 of `cnnshape run --json` on the same files, in text, JSON and CSV;
// folders that are not labels, and a model without labels, are clear errors. The accumulator's
// figures are checked against their definitions on generated predictions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EvaluationAccumulator, WORST_KEPT } from '../../runner/src/run/evaluation';
import { tempDir } from '../runner/helpers/tmp';

const root = join(__dirname, '../..');
const xo = join(root, 'samples/xo');
const model = join(xo, 'xo.cnn.yaml');
const tmp = tempDir('eval');

function cnnshape(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/cnnshape.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

/** X/ and O/ from the sample's pictures by file name, plus an O picture filed under X (a wrong label). */
function dataset(name: string): string {
  const dir = join(tmp.dir, name);
  for (const c of ['X', 'O']) mkdirSync(join(dir, c), { recursive: true });
  for (const f of readdirSync(xo).filter((f) => f.endsWith('.png'))) copyFileSync(join(xo, f), join(dir, f.startsWith('x') ? 'X' : 'O', f));
  copyFileSync(join(xo, 'o.png'), join(dir, 'X', 'mislabelled.png'));
  return dir;
}

interface EvalJson {
  images: number;
  accuracy: number;
  top5: number;
  classes: Array<{ name: string; images: number; correct: number; precision: number | null; recall: number | null }>;
  confusion: { classes: string[]; matrix: number[][] };
  worst: Array<{ image: string; trueClass: string; predicted: string }>;
}

test('eval --json: the figures of the top-1 that run --json gives for the same files', () => {
  const dir = dataset('json');
  const r = cnnshape('eval', model, dir, '--json', '--batch', '3');
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout) as EvalJson;
  const ran = cnnshape('run', model, join(dir, 'O'), join(dir, 'X'), '--json');
  assert.equal(ran.status, 0, ran.stderr);
  const outputs = (JSON.parse(ran.stdout) as { outputs: Array<{ image: string; top: Array<{ label: string }> }> }).outputs;
  const truth = (image: string) => (image.includes('/X/') ? 'X' : 'O');
  const right = outputs.filter((o) => o.top[0]!.label === truth(o.image)).length;
  assert.equal(e.images, outputs.length);
  assert.equal(e.accuracy, right / outputs.length);
  assert.ok(e.accuracy < 1, 'the mislabelled picture is wrong');
  assert.equal(e.top5, 1, 'two classes: the true one is always in the top 5');
  assert.deepEqual(e.confusion.classes, ['O', 'X']);
  for (const [t, row] of e.confusion.matrix.entries()) {
    for (const [p, n] of row.slice(0, 2).entries()) {
      const expected = outputs.filter((o) => truth(o.image) === e.confusion.classes[t] && o.top[0]!.label === e.confusion.classes[p]).length;
      assert.equal(n, expected, `true ${e.confusion.classes[t]} predicted ${e.confusion.classes[p]}`);
    }
  }
  assert.ok(e.worst.some((w) => w.image.endsWith('mislabelled.png') && w.trueClass === 'X' && w.predicted === 'O'));
});

test('eval text and --csv: a summary, the per-class table and the matrix; one CSV row per class', () => {
  const dir = dataset('text');
  const text = cnnshape('eval', model, dir);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /accuracy\s+\d+\.\d%/);
  assert.match(text.stdout, /top-5\s+100\.0%/);
  assert.match(text.stdout, /confusion matrix/);
  assert.match(text.stdout, /mislabelled\.png\s+X\s+O/);
  const csv = cnnshape('eval', model, dir, '--csv');
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'class,images,correct,precision,recall,predicted O,predicted X,predicted other');
  assert.equal(lines.length, 3);
  assert.match(lines[2]!, /^X,\d+,\d+,/);
});

test('class folders that are not labels, an empty dataset and a model without labels are errors (exit 1)', () => {
  const dir = dataset('unknown');
  mkdirSync(join(dir, 'Triangle'));
  const r = cnnshape('eval', model, dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /class folder 'Triangle' is not among the model's labels \('X', 'O'\)/);
  // The dataset's errors come from the worker as the user's errors: one line, no stack.
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  const empty = join(tmp.dir, 'nothing');
  mkdirSync(empty);
  assert.match(cnnshape('eval', model, empty).stderr, /no class folders/);
  const unlabelled = tmp.write('nolabels.cnn.yaml', 'input: 9x9x1\nlayers:\n  - flatten\n  - {type: dense, units: 2}\n');
  const n = cnnshape('eval', unlabelled, dataset('nolabels'));
  assert.equal(n.status, 1);
  assert.match(n.stderr, /has no labels/);
  assert.equal(cnnshape('eval', model).status, 2, 'no folder');
});

test('accumulated figures follow their definitions; only the worst few images are kept', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: -5, max: 5, noNaN: true })), { maxLength: 60 }), (k, preds) => {
      const labels = Array.from({ length: k + 1 }, (_, i) => `c${i}`);
      // Classes 0..k-1 have folders; label k has none ("other").
      const classes = labels.slice(0, k).map((name, label) => ({ name, label, images: preds.map((_, i) => `${i}`).filter((_, i) => preds[i]![0] % k === label) }));
      const acc = new EvaluationAccumulator(classes, labels);
      const rows = preds.map(([t, p, s], i) => ({ image: `${i}`, t: t % k, p: p % (k + 1), s }));
      for (const r of rows) {
        const output = labels.map((_, j) => (j === r.p ? 10 : j === r.t ? r.s : -10));
        acc.add({ image: r.image, output, top: [{ index: r.p, score: 10 }, ...labels.map((_, j) => j).filter((j) => j !== r.p).map((index) => ({ index, score: output[index]! }))].slice(0, 5) });
      }
      const e = acc.result();
      assert.equal(e.images, rows.length);
      assert.equal(e.accuracy, rows.length ? rows.filter((r) => r.t === r.p).length / rows.length : null);
      assert.equal(e.confusion.matrix.flat().reduce((a, b) => a + b, 0), rows.length);
      for (const c of e.classes) {
        const tp = rows.filter((r) => r.t === c.label && r.p === c.label).length;
        const predicted = rows.filter((r) => r.p === c.label).length;
        const actual = rows.filter((r) => r.t === c.label).length;
        assert.equal(c.precision, predicted ? tp / predicted : null);
        assert.equal(c.recall, actual ? tp / actual : null);
      }
      assert.equal(e.confusion.matrix.reduce((a, r) => a + r[k]!, 0), rows.filter((r) => r.p === k).length, 'other column');
      const wrong = rows.filter((r) => r.t !== r.p).map((r) => r.s).sort((a, b) => a - b);
      assert.deepEqual(e.worst.map((w) => w.trueScore), wrong.slice(0, WORST_KEPT));
    }),
  );
});
