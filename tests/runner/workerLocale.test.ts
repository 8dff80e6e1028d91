// The worker thread has its own copy of the core, which starts in English: it must speak the language of
// the thread that asked for the run (client.ts passes it in workerData and with every message).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { prewarmRunner, runInWorker, stopSpareRunner } from '../../runner/src/engine/client';
import { ModelError, RunnerError } from '../../runner/src/errors';
import { getLocale, setLocale, type Locale } from '../../core/src/index';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('workerlocale');
const modelFile = tmp.write('tiny.cnn.yaml', 'input: 4x4x1\nlayers:\n  - flatten\n  - {type: dense, units: 2}\n');
const greyModel = tmp.write('twochannels.cnn.yaml', 'input: 4x4x2\nlayers:\n  - flatten\n  - {type: dense, units: 2}\n');
const good = tmp.write('good.png', pngBytes(4, 4, () => [10, 20, 30, 255]));
const broken = tmp.write('broken.png', 'not a picture');
const CJK = /[\u4e00-\u9fff]/;

const before = getLocale();
after(async () => {
  setLocale(before);
  await stopSpareRunner();
});

async function inLocale<R>(locale: Locale, fn: () => Promise<R>): Promise<R> {
  setLocale(locale);
  try {
    return await fn();
  } finally {
    setLocale(before);
  }
}

test('a refused image run in the worker is reported in the caller\'s language', async () => {
  const zh = await inLocale('zh-cn', () => runInWorker({ modelFile, images: [good, broken] }));
  assert.equal(zh.errors.length, 1);
  assert.match(zh.errors[0]!.error, /broken\.png：不是 PNG 或 JPEG 图像/);
  const en = await inLocale('en', () => runInWorker({ modelFile, images: [good, broken] }));
  assert.match(en.errors[0]!.error, /broken\.png: not a PNG or JPEG image/);
  assert.doesNotMatch(en.errors[0]!.error, CJK);
});

test('a model the worker refuses throws in the caller\'s language', async () => {
  await inLocale('zh-cn', () =>
    assert.rejects(runInWorker({ modelFile: greyModel, images: [good] }), (e: unknown) => {
      assert.ok(e instanceof RunnerError || e instanceof ModelError);
      assert.match(e.message, /模型的输入深度是 2/);
      return true;
    }),
  );
});

test('a spare worker started in English speaks the language chosen later (the locale comes with each message)', async () => {
  await inLocale('en', () => prewarmRunner());
  const zh = await inLocale('zh-cn', () => runInWorker({ modelFile, images: [broken, good] }));
  assert.match(zh.errors[0]!.error, /不是 PNG 或 JPEG 图像/);
});
