// Runs over many images: folders and glob patterns, batches through a graph that exposes only the
// result (the same numbers as one image at a time through the graph exposing every layer), results
// handed over one by one (nothing kept), the JSON written as it goes, profiling only on request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { runInWorker } from '../../runner/src/engine/client';
import { IMAGES_IN_FLIGHT, ReplyWindow } from '../../runner/src/engine/replyWindow';
import { expandImagePaths, globRegExp } from '../../runner/src/files/imagePaths';
import { runPipeline } from '../../runner/src/run/pipeline';
import type { ImageOutput } from '../../runner/src/run/result';
import { JsonArrayWriter } from '../../cli/src/jsonStream';
import { outputDrained } from '../../cli/src/commands/run';
import { Writable } from 'node:stream';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('stream');
mkdirSync(join(tmp.dir, 'pics/sub'), { recursive: true });
const pics = Array.from({ length: 11 }, (_, i) =>
  tmp.write(`pics/${i < 6 ? '' : 'sub/'}p${String(i).padStart(2, '0')}.png`, pngBytes(20 + i, 16, (x, y) => [(x * 13 + i * 40) % 256, (y * 17 + i * 9) % 256, (x * y + i) % 256, 255])),
);
tmp.write('pics/notes.txt', 'not an image');
mkdirSync(join(tmp.dir, 'empty'));

// Batchnorm after conv and a residual add: what onnxruntime fuses when only the result is exposed.
const MODEL = tmp.write('m.cnn.yaml', `input: 16x16x3
labels: [a, b, c, d]
layers:
  - {type: conv, filters: 6, kernel: 3, padding: 1, name: c1}
  - {type: batchnorm, name: bn}
  - {type: relu, name: r1}
  - {type: conv, filters: 6, kernel: 3, padding: 1, name: c2}
  - {type: add, inputs: [c2, r1]}
  - {type: maxpool, kernel: 2}
  - flatten
  - {type: dense, units: 4}
`);

function cnnshape(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/cnnshape.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

test('a folder gives its PNG/JPEG files below it in name order; a pattern matches by parts; empty ones are problems', () => {
  const sorted = [...pics].sort();
  assert.deepEqual(expandImagePaths([join(tmp.dir, 'pics')]).images, sorted);
  assert.deepEqual(expandImagePaths([join(tmp.dir, 'pics/*.png')]).images, sorted.filter((p) => !p.includes('/sub/')));
  assert.deepEqual(expandImagePaths([join(tmp.dir, 'pics/**/p0[0-7].png')]).images, sorted.slice(0, 8));
  assert.deepEqual(expandImagePaths([join(tmp.dir, 'pics/{sub/,}p1?.{png,jpg}')]).images, sorted.filter((p) => /p1\d/.test(p)));
  const none = expandImagePaths([join(tmp.dir, 'empty'), join(tmp.dir, 'pics/*.gif'), 'missing.png']);
  assert.deepEqual(none.images, ['missing.png'], 'a missing file is left for the reader to report');
  assert.equal(none.problems.length, 2);
  assert.match(none.problems[0]!.error, /no PNG or JPEG file/);
  assert.match(none.problems[1]!.error, /no PNG or JPEG file matches/);
});

test('glob patterns: * and ? stay within a folder name, ** crosses folders; any pattern gives a valid expression', () => {
  assert.ok(globRegExp('a/*.png').test('a/x.png'));
  assert.ok(!globRegExp('a/*.png').test('a/b/x.png'));
  assert.ok(globRegExp('a/**/x.png').test('a/x.png'));
  assert.ok(globRegExp('a/**/x.png').test('a/b/c/x.png'));
  assert.ok(!globRegExp('?.png').test('ab.png'));
  assert.ok(globRegExp('[!a]b.png').test('cb.png') && !globRegExp('[!a]b.png').test('ab.png'));
  fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => globRegExp(s) instanceof RegExp));
});

test('batched through the lean graph: the same outputs as one image at a time through the full graph', async () => {
  const one = await runPipeline({ modelFile: MODEL, images: pics, profile: true });
  for (const batchSize of [1, 4, 8]) {
    const batched = await runPipeline({ modelFile: MODEL, images: pics, batchSize });
    assert.deepEqual(batched.outputs.map((o) => o.image), pics);
    batched.outputs.forEach((o, i) => {
      o.output.forEach((v, k) => assert.ok(Math.abs(v - one.outputs[i]!.output[k]!) < 1e-4, `batch ${batchSize}, image ${i}, value ${k}: ${v} vs ${one.outputs[i]!.output[k]}`));
      assert.deepEqual(o.top.map((t) => t.index), one.outputs[i]!.top.map((t) => t.index));
    });
    assert.deepEqual(batched.layers.map((l) => l.output), one.layers.map((l) => l.output), 'the shapes that ran, from the first image');
    assert.ok(batched.layers.every((l) => l.ms === null), 'no per-layer times without profile');
  }
  assert.ok(one.layers.every((l) => typeof l.ms === 'number'));
});

test('maps asked for are returned per image of a batch, as through the full graph', async () => {
  const full = await runPipeline({ modelFile: MODEL, images: pics.slice(0, 5), keepOutputsOf: [1, 4], profile: true });
  const lean = await runPipeline({ modelFile: MODEL, images: pics.slice(0, 5), keepOutputsOf: [1, 4], batchSize: 3 });
  lean.extras.forEach((x, i) => {
    for (const k of [1, 4]) {
      assert.deepEqual(x.maps![k]!.dims, [1, 6, 16, 16]);
      const ref = full.extras[i]!.maps![k]!.data;
      assert.ok(x.maps![k]!.data.every((v, j) => Math.abs(v - ref[j]!) < 1e-4), `image ${i} layer ${k}`);
    }
  });
});

test('streamed from the worker: each image arrives once, in order, and the final result keeps none', async () => {
  const seen: ImageOutput[] = [];
  const r = await runInWorker({ modelFile: MODEL, images: [...pics, join(tmp.dir, 'pics/notes.txt')], batchSize: 4 }, { onImage: (o) => void seen.push(o) });
  assert.deepEqual(seen.map((o) => o.image), pics);
  assert.equal(r.outputs.length, 0);
  assert.equal(r.extras.length, 0);
  assert.equal(r.errors.length, 1);
  assert.equal(r.layers.length, 8);
});

test('a reader that falls behind holds the worker back: at most IMAGES_IN_FLIGHT results (plus a batch) wait for it', async () => {
  const many = Array.from({ length: 200 }, (_, i) => pics[i % pics.length]!);
  const held: Array<() => void> = [];
  let delivered = 0;
  const running = runInWorker({ modelFile: MODEL, images: many, batchSize: 4 }, {
    onImage: () => {
      delivered++;
      return new Promise<void>((resolve) => held.push(resolve));
    },
  });
  let drain: NodeJS.Timeout | undefined;
  try {
    // Until results have come and then none for 400 ms: the worker is waiting for the reader.
    let last = -1;
    for (let waited = 0; (last !== delivered || delivered === 0) && waited < 60_000; waited += 400) {
      last = delivered;
      await new Promise((r) => setTimeout(r, 400));
    }
    assert.ok(delivered >= IMAGES_IN_FLIGHT && delivered <= IMAGES_IN_FLIGHT + 3, `${delivered} results before the reader handled any`);
  } finally {
    // The reader catches up, now and as the rest come (also after a failure, so the worker ends).
    drain = setInterval(() => held.splice(0).forEach((f) => f()), 5);
  }
  try {
    const r = await running;
    assert.equal(delivered, 200);
    assert.equal(r.errors.length, 0);
  } finally {
    clearInterval(drain);
  }
});

test('the CLI hands the worker a wait while stdout is full, and lets it go on the drain (or when stdout closes)', async () => {
  let release: (() => void) | undefined;
  const out = new Writable({ highWaterMark: 16, write: (_chunk, _enc, cb) => (release = cb) });
  assert.equal(outputDrained(out), undefined, 'nothing written yet');
  out.write('more than sixteen bytes, so the stream needs a drain');
  const wait = outputDrained(out);
  assert.ok(wait instanceof Promise);
  let went = false;
  void wait.then(() => (went = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(went, false);
  release!();
  await wait;
  out.write('again, more than sixteen bytes');
  const closing = outputDrained(out);
  assert.ok(closing instanceof Promise);
  out.destroy();
  await closing;
});

test('the reply window: waits at its limit, goes on when the reader catches up or the run stops', async () => {
  const w = new ReplyWindow(3);
  assert.equal(w.sent(), undefined);
  assert.equal(w.sent(), undefined);
  const third = w.sent();
  assert.ok(third instanceof Promise);
  let went = false;
  void third.then(() => (went = true));
  w.received(Number.NaN);
  w.received(-5);
  await new Promise((r) => setImmediate(r));
  assert.equal(went, false, 'a count that is not a new whole number changes nothing');
  w.received(1);
  await new Promise((r) => setImmediate(r));
  assert.equal(went, true);
  const fourth = w.sent();
  assert.ok(fourth instanceof Promise, '3 sent, 1 received: the 4th makes 3 in flight again');
  assert.equal(w.sent(), fourth, 'one wait for every result posted past the limit');
  w.release();
  await fourth;
  w.received(5);
  assert.equal(w.sent(), undefined, 'all received: room again');
});

test('JSON written item by item is the same object as written at once', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ image: fc.string(), output: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })) }), { maxLength: 5 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), (items, rest) => {
      let text = '';
      const w = new JsonArrayWriter('outputs', (s) => (text += s));
      items.forEach((i) => w.item(i));
      const tail = Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'outputs'));
      w.end(tail);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify({ outputs: items, ...tail })));
    }),
  );
});

test('cnnshape run on a folder and a pattern: every image streamed, the JSON valid, no progress bar off a terminal', () => {
  const r = cnnshape('run', MODEL, join(tmp.dir, 'pics'), join(tmp.dir, 'pics/sub/*.png'), '--json', '--batch', '3');
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { outputs: Array<{ image: string }>; layers: Array<{ ms: number | null }> };
  assert.equal(j.outputs.length, 11 + 5);
  assert.ok(j.layers.every((l) => l.ms === null));
  assert.equal(r.stderr, '');
  const text = cnnshape('run', MODEL, join(tmp.dir, 'pics/*.png'), join(tmp.dir, 'nothing/*.png'));
  assert.equal(text.status, 1, 'a pattern matching nothing is an error');
  assert.match(text.stderr, /nothing\/\*\.png: no PNG or JPEG file matches/);
  assert.equal(text.stdout.match(/^ {2}1\. /gm)?.length, 6, 'six images with their top-5');
  assert.match(text.stdout, /per-layer times with --profile/);
  assert.equal(cnnshape('run', MODEL, pics[0]!, '--batch', '0').status, 2);
});
