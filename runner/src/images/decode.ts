// PNG (pngjs) and JPEG (jpeg-js) files → 8-bit RGBA pixels. The format is told by the file's first
// bytes, not its name. Sizes are checked before decoding so that a hostile or enormous file is refused
// instead of exhausting memory. EXIF orientation is not applied (as PIL's Image.open).
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { ImageError } from '../errors';
import { FileRefused, readRegularFile } from '../files/readRegular';
import { jpegSampling, libjpegColour, upsampledLikeLibjpeg } from './jpegUpsample';
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

function decodeJpeg(buf: Buffer, file: string, maxMP: number): RgbaImage {
  let img: { width: number; height: number; data: Uint8Array };
  // YCbCr 4:2:0, 4:2:2, 4:4:4: the planes unconverted, then libjpeg's chroma upsampling and colour (jpegUpsample.ts).
  const subsampled = upsampledLikeLibjpeg(jpegSampling(buf));
  try {
    img = jpeg.decode(buf, {
      ...(subsampled ? { colorTransform: false } : {}),
      useTArray: true,
      formatAsRGBA: true,
      // A truncated file is an error, not a half-grey picture.
      tolerantDecoding: false,
      maxResolutionInMP: maxMP,
      maxMemoryUsageInMB: jpegMemoryMB(maxMP),
    });
  } catch (e) {
    throw new ImageError(t('runnerErrors.jpegUndecodable', { file, reason: String((e as Error)?.message ?? e) }));
  }
  checkSize(img.width, img.height, file, maxMP);
  if (subsampled) libjpegColour(img.data, img.width, img.height, subsampled.h, subsampled.v);
  return img;
}

/**
 * The memory jpeg-js must be allowed for any JPEG within the megapixel limit, by its own accounting per
 * pixel: 4 bytes of coefficients per component (up to 4 components, unsubsampled), 1 byte per component
 * of samples, the same again for the colour-converted data, and the 4 bytes of RGBA: 28 bytes; plus
 * room for tables and markers. A 50 MP image may need about 1.4 GB.
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
