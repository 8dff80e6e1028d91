// PNG (pngjs) and JPEG (libjpeg in WebAssembly; jpeg-js for what libjpeg cannot turn into RGB) files →
// 8-bit RGBA pixels. The format is told by the file's first bytes, not its name. Sizes are checked before
// decoding so that a hostile or enormous file is refused instead of exhausting memory. EXIF orientation is
// not applied (as PIL's Image.open).
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { ImageError } from '../errors';
import { FileRefused, readRegularFile } from '../files/readRegular';
import { readJpegLayout, type JpegFrame } from './jpegMarkers';
import { decodeWithLibjpeg, LibjpegFailed } from './jpegTurbo';
import { pngDataCompleteness } from './pngRows';
import { t } from '../../../core/src/index';

export { ImageError };

export interface RgbaImage {
  width: number;
  height: number;
  /** width·height·4 bytes, row by row, R G B A. */
  data: Uint8Array;
}

export interface DecodeLimits {
  /** Largest file read (default 64 MB). */
  maxFileBytes?: number;
  /** Largest image in megapixels (default 50). */
  maxMegapixels?: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readImageFile(file: string, limits: DecodeLimits = {}): RgbaImage {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, 'image', limits.maxFileBytes !== undefined ? { maxBytes: limits.maxFileBytes } : {});
  } catch (e) {
    if (e instanceof FileRefused) throw new ImageError(e.message);
    throw e;
  }
  if (bytes.length === 0) throw new ImageError(t('runnerErrors.imageEmpty', { file }));
  return decodeImage(bytes, file, limits);
}

export function decodeImage(bytes: Uint8Array, file: string, limits: DecodeLimits = {}): RgbaImage {
  const maxMP = limits.maxMegapixels ?? 50;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isPng(buf)) return decodePng(buf, file, maxMP);
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return decodeJpeg(buf, file, maxMP);
  throw new ImageError(t('runnerErrors.imageNotPngJpeg', { file }));
}

function isPng(buf: Buffer): boolean {
  return buf.length >= 8 && PNG_MAGIC.every((b, i) => buf[i] === b);
}

function decodePng(buf: Buffer, file: string, maxMP: number): RgbaImage {
  // IHDR is the first chunk: width and height at bytes 16..23. Checked before pngjs allocates w·h·4.
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') throw new ImageError(t('runnerErrors.pngNoHeader', { file }));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  checkSize(width, height, file, maxMP);
  const data = pngDataCompleteness(buf);
  if (data && data.got < data.expected) {
    throw new ImageError(t('runnerErrors.pngTruncated', { file, got: Math.floor(data.got / data.rowBytes), rows: height }));
  }
  let png: PNG;
  try {
    png = PNG.sync.read(buf);
  } catch (e) {
    throw new ImageError(t('runnerErrors.pngUndecodable', { file, reason: (e as Error).message }));
  }
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

/** More scans than this is no photograph but a way to make decoding take minutes (libjpeg-turbo's own advice). */
export const MAX_JPEG_SCANS = 500;
/** jpeg-js (for CMYK, YCCK and whatever libjpeg gives up on) takes about 40 bytes a pixel: at most this many megapixels. */
export const JPEGJS_MAX_MP = 20;

function decodeJpeg(buf: Buffer, file: string, maxMP: number): RgbaImage {
  const layout = readJpegLayout(buf);
  if (layout.frame) checkSize(layout.frame.width, layout.frame.height, file, maxMP);
  if (layout.end === 'cut') throw new ImageError(t('runnerErrors.jpegUndecodable', { file, reason: t('runnerErrors.jpegCut') }));
  if (layout.scans > MAX_JPEG_SCANS) throw new ImageError(t('runnerErrors.jpegTooManyScans', { file, scans: layout.scans, max: MAX_JPEG_SCANS }));
  if (layout.frame && libjpegReads(layout.frame)) {
    try {
      const img = decodeWithLibjpeg(buf, workBytes(layout.frame, buf.length));
      if (img) return img;
    } catch (e) {
      if (!(e instanceof LibjpegFailed)) throw e;
    }
  }
  return decodeWithJpegJs(buf, file, layout.frame, maxMP);
}

/** Huffman-coded 8-bit JPEGs of 1 or 3 components: what this libjpeg build turns into RGB (no arithmetic coding, no CMYK). */
function libjpegReads(frame: JpegFrame): boolean {
  return frame.precision === 8 && [0xc0, 0xc1, 0xc2].includes(frame.sof) && (frame.components.length === 1 || frame.components.length === 3);
}

/** Bytes libjpeg needs for an image: the file, the RGBA pixels and, progressive, 2 bytes per coefficient (at most one per sample). */
function workBytes(frame: JpegFrame, fileBytes: number): number {
  const pixels = frame.width * frame.height;
  return fileBytes + pixels * 4 + (frame.sof === 0xc2 ? pixels * 2 * frame.components.length : 0);
}

function decodeWithJpegJs(buf: Buffer, file: string, frame: JpegFrame | undefined, maxMP: number): RgbaImage {
  if (frame && frame.width * frame.height > JPEGJS_MAX_MP * 1e6) {
    throw new ImageError(t('runnerErrors.jpegFallbackTooLarge', { file, megapixels: ((frame.width * frame.height) / 1e6).toFixed(0), max: JPEGJS_MAX_MP }));
  }
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = jpeg.decode(buf, {
      useTArray: true,
      formatAsRGBA: true,
      // A truncated file is an error, not a half-grey picture.
      tolerantDecoding: false,
      maxResolutionInMP: Math.min(maxMP, JPEGJS_MAX_MP),
      maxMemoryUsageInMB: jpegMemoryMB(Math.min(maxMP, JPEGJS_MAX_MP)),
    });
  } catch (e) {
    throw new ImageError(t('runnerErrors.jpegUndecodable', { file, reason: String((e as Error)?.message ?? e) }));
  }
  checkSize(img.width, img.height, file, maxMP);
  return img;
}

/**
 * The memory jpeg-js must be allowed for any JPEG within `maxMP`, by its own accounting per pixel: 4 bytes
 * of coefficients per component (up to 4 components, unsubsampled), 1 byte per component of samples, the
 * same again for the colour-converted data, and the 4 bytes of RGBA: 28 bytes; plus room for tables and markers.
 */
export function jpegMemoryMB(maxMP: number): number {
  return Math.ceil((maxMP * 1e6 * 28) / 2 ** 20) + 64;
}

function checkSize(width: number, height: number, file: string, maxMP: number): void {
  if (width === 0 || height === 0) throw new ImageError(t('runnerErrors.imageEmptySize', { file, width, height }));
  if (width * height > maxMP * 1e6) {
    throw new ImageError(t('runnerErrors.imageTooManyPixels', { file, width, height, megapixels: ((width * height) / 1e6).toFixed(0), max: maxMP }));
  }
}
