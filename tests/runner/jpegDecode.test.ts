// JPEG decoding by libjpeg in WebAssembly (runner/src/images/jpegTurbo.ts) with the file's layout read
// first (jpegMarkers.ts): a file cut anywhere is an error, damaged bytes give a picture or an ImageError
// and never break the decoder for the next file, hostile scan counts and sizes are refused up front, and
// the shared instance's memory does not stay grown after a large image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { decodeImage, ImageError, JPEGJS_MAX_MP, MAX_JPEG_SCANS } from '../../runner/src/images/decode';
import { readJpegLayout } from '../../runner/src/images/jpegMarkers';
import { decodeWithLibjpeg, SHARED_LIMIT, sharedMemoryBytes } from '../../runner/src/images/jpegTurbo';

const DIR = join(__dirname, '../fixtures/jpeg-libjpeg');
const fixture = (name: string) => readFileSync(join(DIR, `${name}.jpg`));

/** The fixture decodes to PIL's pixels: the decoder still works. */
function decodesExactly(name: string): void {
  const ref = PNG.sync.read(readFileSync(join(DIR, `${name}.pil.png`)));
  const img = decodeImage(fixture(name), name);
  assert.ok(ref.data.every((v, i) => i % 4 === 3 || img.data[i] === v), `${name} no longer decodes as PIL does`);
}

test('the layout: frame header, scans and end, read from the markers', () => {
  const base = readJpegLayout(fixture('rings-420-odd'));
  assert.deepEqual(base.frame, { sof: 0xc0, precision: 8, width: 47, height: 33, components: [{ h: 2, v: 2 }, { h: 1, v: 1 }, { h: 1, v: 1 }] });
  assert.equal(base.scans, 1);
  assert.equal(base.end, 'complete');
  const prog = readJpegLayout(fixture('rings-444-progressive'));
  assert.equal(prog.frame?.sof, 0xc2);
  assert.ok(prog.scans > 5, `${prog.scans} scans`);
  assert.equal(readJpegLayout(fixture('restart-420')).end, 'complete', 'restart markers are inside the scan');
  assert.equal(readJpegLayout(fixture('extraneous-420')).end, 'complete', 'bytes before a marker are skipped');
  assert.equal(readJpegLayout(fixture('arithmetic-420')).frame?.sof, 0xc9);
  assert.equal(readJpegLayout(fixture('cmyk')).frame?.components.length, 4);
  assert.deepEqual(readJpegLayout(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])), { scans: 0, end: 'cut' });
  assert.equal(readJpegLayout(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9])).end, 'unreadable');
});

test('a JPEG cut anywhere is an error naming the file, never a half-grey picture', () => {
  for (const name of ['rings-420-odd', 'stripes-420-progressive', 'restart-420', 'grey']) {
    const bytes = fixture(name);
    fc.assert(
      fc.property(fc.integer({ min: 3, max: bytes.length - 1 }), (n) => {
        assert.throws(() => decodeImage(bytes.subarray(0, n), 'cut.jpg'), (e: Error) => e instanceof ImageError && /^cut\.jpg: /.test(e.message));
      }),
      { numRuns: 80 },
    );
    assert.throws(() => decodeImage(bytes.subarray(0, bytes.length - 2), 'noend.jpg'), /noend\.jpg: cannot decode the JPEG \(the file ends before its image data does\)/);
  }
  decodesExactly('rings-420-odd');
});

test('damaged bytes give a picture of the frame size or an ImageError, and the next file still decodes as PIL does', { timeout: 60_000 }, () => {
  const bytes = fixture('stripes-420-progressive');
  const frame = readJpegLayout(bytes).frame!;
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.integer({ min: 2, max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), (edits) => {
      const damaged = Buffer.from(bytes);
      for (const { at, value } of edits) damaged[at] = value;
      try {
        const img = decodeImage(damaged, 'damaged.jpg', { maxMegapixels: 1 });
        assert.equal(img.data.length, img.width * img.height * 4);
      } catch (e) {
        assert.ok(e instanceof ImageError, `not an ImageError: ${String(e)}`);
      }
    }),
    { numRuns: 300 },
  );
  assert.ok(frame.width > 0);
  decodesExactly('stripes-420-progressive');
  decodesExactly('grey');
});

/** `name` with its scan (SOS segment and data) repeated `times` times. */
function withScans(name: string, times: number): Buffer {
  const bytes = fixture(name);
  const sos = bytes.indexOf(Buffer.from([0xff, 0xda]));
  const eoi = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
  const scan = bytes.subarray(sos, eoi);
  return Buffer.concat([bytes.subarray(0, sos), ...Array.from({ length: times }, () => scan), Buffer.from([0xff, 0xd9])]);
}

test(`more than ${MAX_JPEG_SCANS} scans is refused before decoding`, () => {
  const many = withScans('grey', MAX_JPEG_SCANS + 1);
  assert.equal(readJpegLayout(many).scans, MAX_JPEG_SCANS + 1);
  assert.throws(() => decodeImage(many, 'scans.jpg'), (e: Error) => e instanceof ImageError && e.message.includes(`scans.jpg: a JPEG in ${MAX_JPEG_SCANS + 1} scans, more than the ${MAX_JPEG_SCANS}`));
  // At the limit it is decoded (libjpeg stops at the first scan of a baseline frame and warns).
  assert.equal(decodeImage(withScans('grey', MAX_JPEG_SCANS), 'ok.jpg').width, 24);
});

test('sizes come from the frame header, before any decoding: too many megapixels, or too many for jpeg-js (CMYK)', () => {
  const bytes = Buffer.from(fixture('cmyk'));
  const layout = readJpegLayout(bytes);
  const sof = bytes.indexOf(Buffer.from([0xff, layout.frame!.sof]));
  const sized = (w: number, h: number) => {
    const b = Buffer.from(bytes);
    b.writeUInt16BE(h, sof + 5);
    b.writeUInt16BE(w, sof + 7);
    return b;
  };
  assert.throws(() => decodeImage(sized(60000, 60000), 'huge.jpg'), /huge\.jpg: 60000×60000 is 3600 megapixels, more than the 50/);
  assert.throws(() => decodeImage(sized(5000, 5000), 'cmyk.jpg'), new RegExp(`cmyk\\.jpg: cannot decode this JPEG of 25 megapixels: .* at most ${JPEGJS_MAX_MP} megapixels`));
  assert.throws(() => decodeImage(sized(0, 20), 'empty.jpg'), /empty\.jpg: the image is 0×20: empty/);
});

test('damage libjpeg decodes around (a warning) is accepted, as PIL does; CMYK is left to jpeg-js', () => {
  assert.equal(decodeWithLibjpeg(fixture('extraneous-420'), 0)?.warned, true);
  assert.equal(decodeWithLibjpeg(fixture('stripes-420'), 0)?.warned, false);
  decodesExactly('extraneous-420');
  assert.equal(decodeWithLibjpeg(fixture('cmyk'), 0), undefined);
});

test('the shared instance is used for small images and stays within its limit', () => {
  decodesExactly('rings-444');
  assert.ok(sharedMemoryBytes() > 0, 'small images use the shared instance');
  assert.ok(sharedMemoryBytes() <= SHARED_LIMIT);
});
