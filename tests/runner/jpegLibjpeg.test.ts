// JPEG pixels as libjpeg gives them (PIL, torchvision): the reference pixels were decoded once by PIL
// (tests/fixtures/jpeg-libjpeg/make.py) and committed as PNGs. The runner decodes with libjpeg itself
// (runner/src/images/jpegTurbo.ts), so every usual layout is equal to the bit; CMYK and rare samplings go
// to jpeg-js, and arithmetic coding (which this libjpeg build leaves out) is an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeImage, ImageError } from '../../runner/src/images/decode';

const DIR = join(__dirname, '../fixtures/jpeg-libjpeg');
const EXACT = [
  ...['stripes-420', 'rings-420-odd', 'rings-422-odd', 'rings-444', 'tiny-420', 'odd-17x9-420', 'odd-17x9-422', 'odd-17x9-444'],
  ...['stripes-420-progressive', 'rings-444-progressive', 'rings-422-progressive', 'grey', 'grey-progressive'],
  ...['restart-420', 'restart-444', 'restart-progressive', 'restart-grey', 'sample-411', 'sample-440', 'rgb-444', 'extraneous-420'],
];

const fixture = (name: string) => readFileSync(join(DIR, `${name}.jpg`));
const pil = (name: string) => PNG.sync.read(readFileSync(join(DIR, `${name}.pil.png`)));

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

for (const name of EXACT) {
  test(`${name}: the pixels of libjpeg (PIL), to the bit`, () => {
    const ref = pil(name);
    const ours = decodeImage(fixture(name), name);
    assert.equal(ours.width, ref.width);
    assert.equal(ours.height, ref.height);
    assert.equal(ours.data.length, ref.width * ref.height * 4);
    const d = difference(ours.data, ref);
    assert.equal(d.max, 0, `max ${d.max}, mean ${d.mean.toFixed(3)}`);
    for (let p = 3; p < ours.data.length; p += 4) assert.equal(ours.data[p], 255, 'opaque');
  });
}

test('the fixtures do test the chroma: jpeg-js alone is far from libjpeg on the subsampled ones', () => {
  for (const name of ['stripes-420', 'rings-420-odd', 'rings-422-odd']) {
    const plain = jpeg.decode(fixture(name), { useTArray: true, formatAsRGBA: true });
    const d = difference(plain.data, pil(name));
    assert.ok(d.max > 20, `${name}: jpeg-js alone max ${d.max}`);
  }
});

test('CMYK, which libjpeg does not turn into RGB, is decoded by jpeg-js (within 1/255 of PIL)', () => {
  const bytes = fixture('cmyk');
  const ours = decodeImage(bytes, 'cmyk.jpg');
  const theirs = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  assert.deepEqual(ours.data, theirs.data);
  assert.ok(difference(ours.data, pil('cmyk')).max <= 1);
});

test('a rare sampling (3×1) that TurboJPEG 2.0 refuses is decoded by jpeg-js, within 3/255 of PIL', () => {
  const bytes = fixture('sample-3x1');
  const ours = decodeImage(bytes, 'sample-3x1.jpg');
  assert.deepEqual(ours.data, jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true }).data);
  const d = difference(ours.data, pil('sample-3x1'));
  assert.ok(d.max <= 3 && d.mean < 0.5, `max ${d.max}, mean ${d.mean.toFixed(3)}`);
});

test('arithmetic coding, left out of this libjpeg build and unknown to jpeg-js, is an error naming the file', () => {
  assert.throws(() => decodeImage(fixture('arithmetic-420'), 'arith.jpg'), (e: Error) => e instanceof ImageError && /^arith\.jpg: cannot decode the JPEG/.test(e.message));
});
