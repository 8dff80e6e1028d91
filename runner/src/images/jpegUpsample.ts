// libjpeg's colour for subsampled JPEGs. jpeg-js widens 4:2:0 and 4:2:2 chroma by repeating each sample,
// and converts YCbCr in floating point; libjpeg (PIL, torchvision, browsers) interpolates the chroma
// ("fancy upsampling": a triangle filter, 3/4 of the nearer sample and 1/4 of the next) and converts with
// 16-bit fixed-point tables. Edges of colour differed by up to 102/255 from PIL. Here jpeg-js decodes the
// planes without converting them, each chroma plane is read back at its own size (jpeg-js's repeats are
// exact copies), then upsampled and converted as libjpeg's jdsample.c and jdcolor.c do.
// 4:4:4 gets libjpeg's colour tables only. Other layouts (grey, CMYK, Adobe-marked files, 4:1:1, 4:4:0
// and other rare samplings) keep jpeg-js's output.

export interface Sampling {
  /** Per component in frame order: horizontal and vertical sampling factors. */
  factors: Array<{ h: number; v: number }>;
  /** An Adobe APP14 marker is present (its colour transform then decides, as jpeg-js lets it). */
  adobe: boolean;
}

/** The frame's sampling factors from the SOF marker (and whether an Adobe marker came before it); undefined if not found. */
export function jpegSampling(buf: Uint8Array): Sampling | undefined {
  let adobe = false;
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return undefined;
    const marker = buf[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = (buf[i + 2]! << 8) | buf[i + 3]!;
    if (marker === 0xee && buf[i + 4] === 0x41 && buf[i + 5] === 0x64) adobe = true; // 'Ad'obe
    // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const n = buf[i + 9] ?? 0;
      if (i + 10 + 3 * n > buf.length) return undefined;
      const factors = Array.from({ length: n }, (_, c) => ({ h: buf[i + 11 + 3 * c]! >> 4, v: buf[i + 11 + 3 * c]! & 15 }));
      return { factors, adobe };
    }
    if (marker === 0xda || len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

/** The layouts converted here: Y at (1, 1), (2, 1) or (2, 2), Cb and Cr at (1, 1) (4:4:4, 4:2:2, 4:2:0), no Adobe marker. */
export function upsampledLikeLibjpeg(s: Sampling | undefined): { h: 1 | 2; v: 1 | 2 } | undefined {
  if (!s || s.adobe || s.factors.length !== 3) return undefined;
  const [y, cb, cr] = s.factors as [{ h: number; v: number }, { h: number; v: number }, { h: number; v: number }];
  if (cb.h !== 1 || cb.v !== 1 || cr.h !== 1 || cr.v !== 1) return undefined;
  if (y.h === 1 && y.v === 1) return { h: 1, v: 1 };
  if (y.h === 2 && (y.v === 1 || y.v === 2)) return { h: 2, v: y.v };
  return undefined;
}

/**
 * RGBA from jpeg-js's unconverted output (Y, Cb, Cr in the R, G, B bytes, chroma repeated h columns and
 * v rows), in place, one output row at a time: besides the pixels, at most the two quarter-size chroma
 * planes of a 4:2:0 image are held.
 */
export function libjpegColour(data: Uint8Array, width: number, height: number, h: 1 | 2, v: 1 | 2): void {
  if (h === 1) {
    for (let o = 0; o < width * height * 4; o += 4) convert(data, o, data[o + 1]!, data[o + 2]!);
    return;
  }
  const cw = (width + 1) >> 1;
  const ch = v === 2 ? (height + 1) >> 1 : 1;
  const cbLine = new Uint8Array(cw * 2);
  const crLine = new Uint8Array(cw * 2);
  // 4:2:0 rows need the chroma rows above and below, which the rows written before would have overwritten.
  const cb = v === 2 ? plane(data, width, cw, ch, 1) : new Uint8Array(cw);
  const cr = v === 2 ? plane(data, width, cw, ch, 2) : new Uint8Array(cw);
  const sums = new Int32Array(cw);
  for (let y = 0; y < height; y++) {
    if (v === 2) {
      const r = y >> 1;
      const near = y & 1 ? Math.min(r + 1, ch - 1) : Math.max(r - 1, 0);
      h2v2Row(cb, cw, r, near, sums, cbLine);
      h2v2Row(cr, cw, r, near, sums, crLine);
    } else {
      for (let c = 0; c < cw; c++) {
        cb[c] = data[(y * width + 2 * c) * 4 + 1]!;
        cr[c] = data[(y * width + 2 * c) * 4 + 2]!;
      }
      h2v1Row(cb, cw, cbLine);
      h2v1Row(cr, cw, crLine);
    }
    for (let x = 0, o = y * width * 4; x < width; x++, o += 4) convert(data, o, cbLine[x]!, crLine[x]!);
  }
}

/** jdcolor.c ycc_rgb_convert for the pixel at byte o (its Y in the R byte). */
function convert(data: Uint8Array, o: number, b: number, r: number): void {
  const y = data[o]!;
  data[o] = clamp(y + CR_R[r]!);
  data[o + 1] = clamp(y + ((CB_G[b]! + CR_G[r]!) >> SCALEBITS));
  data[o + 2] = clamp(y + CB_B[b]!);
}

/** One chroma plane of a 4:2:0 image at its own size: every second column and row of the repeated samples. */
function plane(data: Uint8Array, width: number, cw: number, ch: number, channel: number): Uint8Array {
  const out = new Uint8Array(cw * ch);
  for (let r = 0; r < ch; r++) for (let c = 0; c < cw; c++) out[r * cw + c] = data[(2 * r * width + 2 * c) * 4 + channel]!;
  return out;
}

/** jdsample.c h2v1_fancy_upsample: 3/4 nearer + 1/4 further, biased +1 / +2; the end samples are repeated. */
function h2v1Row(src: Uint8Array, cw: number, line: Uint8Array): void {
  for (let c = 0; c < cw; c++) {
    const t = src[c]! * 3;
    line[2 * c] = c === 0 ? src[c]! : (t + src[c - 1]! + 1) >> 2;
    line[2 * c + 1] = c === cw - 1 ? src[c]! : (t + src[c + 1]! + 2) >> 2;
  }
}

/**
 * jdsample.c h2v2_fancy_upsample: column sums of 3 × chroma row r + 1 × the nearer row (above for an
 * even output row, below for an odd one; the first and last rows are their own neighbours), then 3:1
 * horizontally; biases 8 and 7 alternate; the end columns are repeated.
 */
function h2v2Row(src: Uint8Array, cw: number, r: number, near: number, sums: Int32Array, line: Uint8Array): void {
  for (let c = 0; c < cw; c++) sums[c] = src[r * cw + c]! * 3 + src[near * cw + c]!;
  for (let c = 0; c < cw; c++) {
    const t = sums[c]! * 3;
    line[2 * c] = c === 0 ? (sums[0]! * 4 + 8) >> 4 : (t + sums[c - 1]! + 8) >> 4;
    line[2 * c + 1] = c === cw - 1 ? (sums[c]! * 4 + 7) >> 4 : (t + sums[c + 1]! + 7) >> 4;
  }
}

// jdcolor.c build_ycc_rgb_table: 16-bit fixed point, rounded.
const SCALEBITS = 16;
const ONE_HALF = 1 << (SCALEBITS - 1);
const FIX = (x: number) => Math.floor(x * (1 << SCALEBITS) + 0.5);
const CR_R = new Int32Array(256);
const CB_B = new Int32Array(256);
const CR_G = new Int32Array(256);
const CB_G = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const x = i - 128;
  CR_R[i] = (FIX(1.402) * x + ONE_HALF) >> SCALEBITS;
  CB_B[i] = (FIX(1.772) * x + ONE_HALF) >> SCALEBITS;
  CR_G[i] = -FIX(0.71414) * x;
  CB_G[i] = -FIX(0.34414) * x + ONE_HALF;
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
