// A JPEG file's layout as its markers tell it, read before anything is decoded: the frame header (size,
// components, coding process), how many scans there are, and whether the file reaches its end-of-image
// marker. One pass over the bytes; every step moves forward, so hostile lengths cannot make it loop.

export interface JpegFrame {
  /** The start-of-frame marker's second byte: 0xc0 baseline, 0xc1 extended, 0xc2 progressive, 0xc9… arithmetic. */
  sof: number;
  /** Bits per sample (8 in nearly every file; 12 and 16 exist). */
  precision: number;
  width: number;
  height: number;
  /** Sampling factors per component, in frame order. */
  components: Array<{ h: number; v: number }>;
}

export interface JpegLayout {
  /** The first frame header, if the file has one before it ends or stops making sense. */
  frame?: JpegFrame;
  /** Start-of-scan markers met. */
  scans: number;
  /**
   * 'complete': the end-of-image marker was reached. 'cut': the file ends first (inside a segment or a
   * scan's data, or with no end marker): libjpeg would fill the rest with grey. 'unreadable': a marker
   * that makes no sense (the decoders then say what is wrong).
   */
  end: 'complete' | 'cut' | 'unreadable';
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

/** Start-of-frame markers: 0xc0…0xcf except DHT (c4), JPG (c8) and DAC (cc). */
function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

/** Markers without a length: RSTn, TEM (and SOI, met again only in broken files). */
function standsAlone(m: number): boolean {
  return (m >= 0xd0 && m <= 0xd7) || m === 0x01 || m === SOI;
}

export function readJpegLayout(buf: Uint8Array): JpegLayout {
  const layout: JpegLayout = { scans: 0, end: 'cut' };
  let i = 2; // after SOI
  for (;;) {
    // Bytes that are not a marker are skipped, as libjpeg does (with a warning); so are fill bytes (ff ff).
    i = buf.indexOf(0xff, i);
    while (i >= 0 && i + 1 < buf.length && buf[i + 1] === 0xff) i++;
    if (i < 0 || i + 1 >= buf.length) return layout;
    const m = buf[i + 1]!;
    if (m === EOI) return { ...layout, end: 'complete' };
    // ff 00 outside a scan is garbage to libjpeg too.
    if (m === 0x00 || standsAlone(m)) {
      i += 2;
      continue;
    }
    if (i + 4 > buf.length) return layout;
    const len = (buf[i + 2]! << 8) | buf[i + 3]!;
    if (len < 2) return { ...layout, end: 'unreadable' };
    const next = i + 2 + len;
    if (next > buf.length) return layout;
    const frame = isSof(m) && !layout.frame ? frameAt(buf, i, len) : undefined;
    if (frame) layout.frame = frame;
    i = next;
    if (m === SOS) {
      layout.scans++;
      i = afterEntropyData(buf, i);
    }
  }
}

/** The frame header of the SOF segment at `at` (length `len`), if it holds all its components. */
function frameAt(buf: Uint8Array, at: number, len: number): JpegFrame | undefined {
  const n = buf[at + 9] ?? 0;
  if (len < 8 + 3 * n) return undefined;
  return {
    sof: buf[at + 1]!,
    precision: buf[at + 4]!,
    height: (buf[at + 5]! << 8) | buf[at + 6]!,
    width: (buf[at + 7]! << 8) | buf[at + 8]!,
    components: Array.from({ length: n }, (_, c) => ({ h: buf[at + 11 + 3 * c]! >> 4, v: buf[at + 11 + 3 * c]! & 15 })),
  };
}

/** Where the marker after a scan's entropy-coded data starts (ff 00 is a stuffed ff, ff d0…d7 a restart); the length if none. */
function afterEntropyData(buf: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    const ff = buf.indexOf(0xff, i);
    if (ff < 0 || ff + 1 >= buf.length) return buf.length;
    const b = buf[ff + 1]!;
    if (b === 0x00 || (b >= 0xd0 && b <= 0xd7)) i = ff + 2;
    else if (b === 0xff) i = ff + 1;
    else return ff;
  }
}
