// JPEG colours as libjpeg gives them (PIL, torchvision): the reference pixels were decoded once by PIL
// (tests/fixtures/jpeg-libjpeg/make.py) and committed as PNGs. With 4:2:0 and 4:2:2 chroma, jpeg-js
// alone repeats each chroma sample and was up to 70+/255 off at colour edges; ours interpolates as
// libjpeg does (runner/src/images/jpegUpsample.ts). What remains is the inverse DCT's rounding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeImage } from '../../runner/src/images/decode';
import { jpegSampling, upsampledLikeLibjpeg } from '../../runner/src/images/jpegUpsample';

const DIR = join(__dirname, '../fixtures/jpeg-libjpeg');
const CASES = ['stripes-420', 'rings-420-odd', 'rings-422-odd', 'stripes-420-progressive', 'rings-444', 'tiny-420', 'grey'];

function difference(rgba: Uint8Array, ref: PNG): { max: number; mean: number } {
  let max = 0;
  let sum = 0;
  for (let p = 0; p < ref.width * ref.height; p++) {
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(rgba[p * 4 + c]! - ref.data[p * 4 + c]!);
      max = Math.max(max, d);
      sum += d;
    }
  }
  return { max, mean: sum / (ref.width * ref.height * 3) };
}

for (const name of CASES) {
  test(`${name}: within 3/255 of libjpeg (mean under 0.25)`, () => {
    const bytes = readFileSync(join(DIR, `${name}.jpg`));
    const ref = PNG.sync.read(readFileSync(join(DIR, `${name}.pil.png`)));
    const ours = decodeImage(bytes, name);
    assert.equal(ours.width, ref.width);
    assert.equal(ours.height, ref.height);
    const d = difference(ours.data, ref);
    assert.ok(d.max <= 3 && d.mean < 0.25, `max ${d.max}, mean ${d.mean.toFixed(3)}`);
  });
}

test('the fixtures do test the chroma: jpeg-js alone is far from libjpeg on the subsampled ones', () => {
  for (const name of ['stripes-420', 'rings-420-odd', 'rings-422-odd']) {
    const bytes = readFileSync(join(DIR, `${name}.jpg`));
    const plain = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    const d = difference(plain.data, PNG.sync.read(readFileSync(join(DIR, `${name}.pil.png`))));
    assert.ok(d.max > 20, `${name}: jpeg-js alone max ${d.max}`);
  }
});

test('the sampling is read from the frame header: 4:2:0, 4:2:2, 4:4:4; grey and unknown layouts are left to jpeg-js', () => {
  const sampling = (name: string) => upsampledLikeLibjpeg(jpegSampling(readFileSync(join(DIR, `${name}.jpg`))));
  assert.deepEqual(sampling('stripes-420'), { h: 2, v: 2 });
  assert.deepEqual(sampling('stripes-420-progressive'), { h: 2, v: 2 });
  assert.deepEqual(sampling('rings-422-odd'), { h: 2, v: 1 });
  assert.deepEqual(sampling('rings-444'), { h: 1, v: 1 });
  assert.equal(jpegSampling(readFileSync(join(DIR, 'grey.jpg')))?.factors.length, 1);
  assert.equal(sampling('grey'), undefined);
  assert.equal(jpegSampling(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])), undefined, 'truncated');
  assert.equal(upsampledLikeLibjpeg({ factors: [{ h: 4, v: 1 }, { h: 1, v: 1 }, { h: 1, v: 1 }], adobe: false }), undefined, '4:1:1');
  assert.equal(upsampledLikeLibjpeg({ factors: [{ h: 2, v: 2 }, { h: 1, v: 1 }, { h: 1, v: 1 }], adobe: true }), undefined, 'Adobe');
});
