// Images (issue 13): a PNG whose data holds only some of its rows is an error, not a picture padded
// with black; a JPEG within the megapixel limit decodes instead of being refused for memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { decodeImage, ImageError, jpegMemoryMB } from '../../runner/src/images/decode';
import { SHARED_LIMIT, sharedMemoryBytes } from '../../runner/src/images/jpegTurbo';

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const b of buf) {
    let c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit PNG of `height` rows whose (complete, valid) zlib stream holds only `rows` of them. */
function pngWithRows(width: number, height: number, rows: number, colorType = 2): Buffer {
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  const raw = Buffer.alloc(rows * (1 + width * channels), 77);
  for (let r = 0; r < rows; r++) raw[r * (1 + width * channels)] = 0;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

test('a PNG holding 1 of its 7,000 rows is a truncated-image error', () => {
  assert.throws(() => decodeImage(pngWithRows(100, 7000, 1), 'tall.png'), (e: Error) => e instanceof ImageError && /tall\.png: truncated PNG.* 1 of its 7000 rows/.test(e.message));
});

test('generated PNGs: complete ones decode (interlaced too), any missing row is an error', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 2, max: 24 }), fc.constantFrom(0, 2, 4, 6), fc.boolean(), (w, h, colorType, interlace) => {
      const full = PNG.sync.write(Object.assign(new PNG({ width: w, height: h }), { data: Buffer.alloc(w * h * 4, 200) }), { colorType: colorType, inputHasAlpha: true, ...(interlace ? { interlace: true } : {}) });
      assert.equal(decodeImage(full, 'full.png').height, h);
      assert.equal(decodeImage(pngWithRows(w, h, h, colorType), 'all.png').height, h);
      const rows = h - 1;
      assert.throws(() => decodeImage(pngWithRows(w, h, rows, colorType), 'short.png'), new RegExp(`truncated PNG.* ${rows} of its ${h} rows`));
    }),
    { numRuns: 60 },
  );
});

test('a JPEG just under the megapixel limit decodes (libjpeg, in an instance whose memory goes with the image); jpeg-js would be given the memory the limit implies', { timeout: 120_000 }, () => {
  // As 7000 × 7000 under the default 50 MP, at 8 MP to keep the test quick.
  const w = 2830;
  const h = 2820;
  const bytes = jpeg.encode({ width: w, height: h, data: Buffer.alloc(w * h * 4, 90) }, 20).data;
  const img = decodeImage(bytes, 'big.jpg', { maxMegapixels: 8 });
  assert.equal(img.width, w);
  assert.equal(img.height, h);
  assert.ok(Math.abs(img.data[4 * (w * h - 1)]! - 90) <= 3, 'the last pixel decoded');
  assert.ok(sharedMemoryBytes() <= SHARED_LIMIT, `the shared instance stays small: ${sharedMemoryBytes()} bytes`);
  assert.ok(jpegMemoryMB(50) * 2 ** 20 >= 7000 * 7000 * 28, 'the default limit covers 7000 × 7000');
});
