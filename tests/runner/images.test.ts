// Images: PNG/JPEG decoding with limits, alpha on white, BT.601 grey, PyTorch-style bilinear resize,
// preprocess, and the errors for files that are not (good) images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as jpeg from 'jpeg-js';
import fc from 'fast-check';
import { decodeImage, readImageFile, type RgbaImage } from '../../runner/src/images/decode';
import { resizeBilinear } from '../../runner/src/images/resize';
import { imageToInput, inputProblem, rgbAtSize } from '../../runner/src/images/toTensor';
import { ImageError } from '../../runner/src/errors';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('images');
const noPre = { scale: 1, mean: [0], std: [1] };

test('bilinear resize matches F.interpolate(mode="bilinear", align_corners=False)', () => {
  // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4), mode='bilinear')
  const up = resizeBilinear({ width: 2, height: 2, channels: 1, data: Float32Array.from([0, 1, 2, 3]) }, 4, 4);
  assert.deepEqual(Array.from(up.data), [0, 0.25, 0.75, 1, 0.5, 0.75, 1.25, 1.5, 1.5, 1.75, 2.25, 2.5, 2, 2.25, 2.75, 3]);
  // interpolate(torch.tensor([[[[0., 1., 2.]]]]), size=(1, 2), mode='bilinear') → [0.25, 1.75]
  const down = resizeBilinear({ width: 3, height: 1, channels: 1, data: Float32Array.from([0, 1, 2]) }, 2, 1);
  assert.deepEqual(Array.from(down.data), [0.25, 1.75]);
  // Channels stay apart (HWC).
  const rgb = resizeBilinear({ width: 2, height: 1, channels: 2, data: Float32Array.from([0, 10, 4, 20]) }, 4, 1);
  assert.deepEqual(Array.from(rgb.data), [0, 10, 1, 12.5, 3, 17.5, 4, 20]);
});

test('an image already at the model\'s size is not resampled', () => {
  const img = { width: 3, height: 2, channels: 1, data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
  assert.equal(resizeBilinear(img, 3, 2), img);
});

test('PNG: alpha is composited on white; depth 3 is RGB, depth 1 is BT.601 luma; preprocess per channel', () => {
  const bytes = pngBytes(2, 1, (x) => (x === 0 ? [255, 0, 0, 128] : [0, 0, 255, 255]));
  const img = decodeImage(bytes, 'a.png');
  const rgb = imageToInput(img, { width: 2, height: 1, depth: 3 }, noPre);
  // (255, 0, 0) at alpha 128/255 over white: G = B = 255·(1 − 128/255) = 127.
  assert.deepEqual(Array.from(rgb.tensor), [255, 0, 127, 0, 127, 255]);
  assert.deepEqual(rgb.dims, [1, 3, 1, 2]);
  const grey = imageToInput(img, { width: 2, height: 1, depth: 1 }, noPre);
  assert.ok(Math.abs(grey.tensor[0]! - (0.299 * 255 + 0.587 * 127 + 0.114 * 127)) < 1e-3);
  assert.ok(Math.abs(grey.tensor[1]! - 0.114 * 255) < 1e-3);
  const pre = imageToInput(img, { width: 2, height: 1, depth: 3 }, { scale: 1 / 255, mean: [0.5, 0, 1], std: [0.5, 1, 2] });
  assert.ok(Math.abs(pre.tensor[0]! - (1 - 0.5) / 0.5) < 1e-6);
  assert.ok(Math.abs(pre.tensor[5]! - (1 - 1) / 2) < 1e-6);
});

test('JPEG decodes (libjpeg), and a truncated JPEG is an error', () => {
  const w = 16;
  const h = 8;
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([200, 100, 50, 255], i * 4);
  const bytes = jpeg.encode({ width: w, height: h, data }, 95).data;
  const img = decodeImage(bytes, 'a.jpg');
  assert.equal(img.width, 16);
  assert.equal(img.height, 8);
  assert.ok(Math.abs(img.data[0]! - 200) < 4 && Math.abs(img.data[1]! - 100) < 4 && Math.abs(img.data[2]! - 50) < 4);
  assert.throws(() => decodeImage(bytes.subarray(0, bytes.length >> 1), 'cut.jpg'), (e: Error) => e instanceof ImageError && /cut\.jpg: cannot decode the JPEG/.test(e.message));
});

test('bad files: empty, not an image, truncated PNG, enormous dimensions, too large, missing, a folder', () => {
  const bad = (name: string, content: Buffer | string, re: RegExp, limits = {}) => {
    const p = tmp.write(name, content);
    assert.throws(() => readImageFile(p, limits), (e: Error) => e instanceof ImageError && e.message.includes(name) && re.test(e.message), name);
  };
  bad('empty.png', '', /empty/);
  bad('text.png', 'this is not an image at all', /not a PNG or JPEG/);
  const png = pngBytes(8, 8, () => [1, 2, 3, 255]);
  bad('cut.png', png.subarray(0, png.length - 20), /cannot decode the PNG/);
  // A valid PNG signature and IHDR claiming 100000 × 100000: refused before any allocation.
  const huge = Buffer.from(png.subarray(0, 33));
  huge.writeUInt32BE(100000, 16);
  huge.writeUInt32BE(100000, 20);
  bad('huge.png', huge, /10000 megapixels, more than the 50/);
  bad('big.png', png, /larger than/, { maxFileBytes: 10 });
  assert.throws(() => readImageFile(tmp.dir + '/missing.png'), /missing\.png: no such file/);
  assert.throws(() => readImageFile(tmp.dir), /not a file/);
});

test('a model whose depth is not 1 or 3 cannot take an image, and says so; so do bad preprocess lists', () => {
  assert.match(inputProblem({ width: 4, height: 4, depth: 2 }, noPre)!, /depth is 2.*cannot take an image/);
  assert.match(inputProblem({ width: 4, height: 4, depth: 3 }, { scale: 1, mean: [0, 0], std: [1] })!, /mean has 2 values/);
  assert.equal(inputProblem({ width: 4, height: 4, depth: 3 }, { scale: 1, mean: [0, 0, 0], std: [1] }), undefined);
});

test('resampled straight from the 8-bit pixels: the same float32 values as compositing on white first, then resizing', () => {
  const reference = (img: RgbaImage, w: number, h: number) => {
    const n = img.width * img.height;
    const data = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = img.data[i * 4 + 3]! / 255;
      for (let k = 0; k < 3; k++) data[i * 3 + k] = img.data[i * 4 + k]! * a + 255 * (1 - a);
    }
    return resizeBilinear({ width: img.width, height: img.height, channels: 3, data }, w, h);
  };
  const picture = fc.record({ width: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 12 }) }).chain(({ width, height }) =>
    fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }).map((data): RgbaImage => ({ width, height, data })),
  );
  fc.assert(
    fc.property(picture, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), (img, w, h, same) => {
      const [tw, th] = same ? [img.width, img.height] : [w, h];
      const ours = rgbAtSize(img, tw, th);
      const ref = reference(img, tw, th);
      assert.deepEqual([ours.width, ours.height, ours.channels], [ref.width, ref.height, ref.channels]);
      assert.deepEqual(Array.from(ours.data), Array.from(ref.data));
    }),
    { numRuns: 300 },
  );
});

test('an RGB picture at the input size without its picture kept: the same tensor, made in one pass', () => {
  const picture = fc.record({ width: fc.integer({ min: 1, max: 10 }), height: fc.integer({ min: 1, max: 10 }) }).chain(({ width, height }) =>
    fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }).map((data): RgbaImage => ({ width, height, data })),
  );
  const pre = fc.record({
    scale: fc.constantFrom(1, 1 / 255, 0.5),
    mean: fc.oneof(fc.tuple(fc.double({ min: -2, max: 2, noNaN: true })), fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }))),
    std: fc.constantFrom([1], [0.229, 0.224, 0.225], [0.5]).map((v) => [...v]),
  });
  fc.assert(
    fc.property(picture, pre, (img, p) => {
      const shape = { width: img.width, height: img.height, depth: 3 };
      const fast = imageToInput(img, shape, p, false);
      const full = imageToInput(img, shape, p);
      assert.equal(fast.seen, undefined);
      assert.deepEqual(fast.dims, full.dims);
      assert.deepEqual(Array.from(fast.tensor), Array.from(full.tensor));
    }),
    { numRuns: 200 },
  );
});
