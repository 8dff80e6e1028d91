// The runner's worker thread decodes JPEGs with libjpeg (its WebAssembly module loaded lazily in that
// thread): a model that only flattens its input gives back the decoded pixels, which are PIL's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { runInWorker, stopSpareRunner } from '../../runner/src/engine/client';
import { tempDir } from './helpers/tmp';

const DIR = join(__dirname, '../fixtures/jpeg-libjpeg');
const tmp = tempDir('jpegworker');
after(() => stopSpareRunner());

test('in the worker thread, JPEGs decode to PIL\'s pixels; a cut one is an error for that image only', async () => {
  const model = tmp.write('pixels.cnn.yaml', 'input: 47x33x3\npreprocess: {scale: 1}\nlayers:\n  - flatten\n');
  const images = ['rings-420-odd', 'rings-422-odd'].map((name) => {
    const p = join(tmp.dir, `${name}.jpg`);
    copyFileSync(join(DIR, `${name}.jpg`), p);
    return p;
  });
  const cut = tmp.write('cut.jpg', readFileSync(join(DIR, 'rings-420-odd.jpg')).subarray(0, 300));
  const r = await runInWorker({ modelFile: model, images: [...images, cut] });
  assert.equal(r.outputs.length, 2);
  for (const [i, name] of ['rings-420-odd', 'rings-422-odd'].entries()) {
    const ref = PNG.sync.read(readFileSync(join(DIR, `${name}.pil.png`)));
    const hw = ref.width * ref.height;
    const out = r.outputs[i]!.output;
    assert.equal(out.length, 3 * hw);
    // torch.flatten order: channel, row, column.
    for (let p = 0; p < hw; p++) for (let c = 0; c < 3; c++) assert.equal(out[c * hw + p], ref.data[p * 4 + c], `${name}: pixel ${p}, channel ${c}`);
  }
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0]!.error, /cut\.jpg: cannot decode the JPEG \(the file ends before its image data does\)/);
});
