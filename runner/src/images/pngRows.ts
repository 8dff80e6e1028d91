// pngjs fills the rows a PNG's compressed data does not hold with zeros instead of failing: a file that
// holds 1 of its 7,000 rows would run as a mostly black picture. The image data is inflated here (never
// more than the size the header implies) and a short result is reported as a truncated image.
import { inflateSync } from 'node:zlib';

const CHANNELS: ReadonlyMap<number, number> = new Map([[0, 1], [2, 3], [3, 1], [4, 2], [6, 4]]);
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

interface PngLayout {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
}

/** Bytes of filtered image data the header implies (each row with its filter byte). */
export function expectedDataBytes(p: PngLayout): number {
  const rowBytes = (w: number) => 1 + Math.ceil((w * p.bitsPerPixel) / 8);
  if (!p.interlaced) return p.height * rowBytes(p.width);
  let total = 0;
  for (const [xs, ys, dx, dy] of ADAM7) {
    const w = Math.ceil((p.width - xs) / dx);
    const h = Math.ceil((p.height - ys) / dy);
    if (w > 0 && h > 0) total += h * rowBytes(w);
  }
  return total;
}

/**
 * How many bytes of image data the PNG holds and how many its header implies, or undefined when the
 * chunks cannot be read (pngjs then reports the file as corrupt).
 */
export function pngDataCompleteness(buf: Buffer): { got: number; expected: number; rowBytes: number } | undefined {
  let at = 8;
  let layout: PngLayout | undefined;
  const idat: Buffer[] = [];
  while (at + 8 <= buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, Math.min(buf.length, at + 8 + len));
    if (type === 'IHDR' && data.length >= 13) {
      const channels = CHANNELS.get(data[9]!);
      if (channels === undefined) return undefined;
      layout = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitsPerPixel: channels * data[8]!, interlaced: data[12] === 1 };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (!layout) return undefined;
  const expected = expectedDataBytes(layout);
  let got: number;
  try {
    got = inflateSync(Buffer.concat(idat), { maxOutputLength: Math.max(1, expected) }).length;
  } catch (e) {
    // More data than needed is not a truncation (pngjs ignores the rest); a broken stream is pngjs's to report.
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') got = expected;
    else return undefined;
  }
  return { got, expected, rowBytes: 1 + Math.ceil((layout.width * layout.bitsPerPixel) / 8) };
}
