// Bilinear resizing with PyTorch's F.interpolate(mode='bilinear', align_corners=False, antialias=False)
// semantics: output pixel i samples the input at (i + 0.5)·in/out − 0.5, clamped below at 0, between
// the two nearest pixels (the upper one clamped to the edge). An image already at the size is returned
// as is. Like F.interpolate on a float tensor, it does not antialias when shrinking (torchvision's
// Resize on a PIL image does): downscaling a large photo a lot can alias.

export interface FloatImage {
  width: number;
  height: number;
  channels: number;
  /** Channel-last (HWC) float values. */
  data: Float32Array;
}

interface Taps {
  i0: Int32Array;
  i1: Int32Array;
  w1: Float32Array;
}

function taps(inSize: number, outSize: number): Taps {
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const w1 = new Float32Array(outSize);
  const scale = inSize / outSize;
  for (let o = 0; o < outSize; o++) {
    const src = Math.max((o + 0.5) * scale - 0.5, 0);
    const a = Math.min(Math.floor(src), inSize - 1);
    i0[o] = a;
    i1[o] = Math.min(a + 1, inSize - 1);
    w1[o] = src - a;
  }
  return { i0, i1, w1 };
}

/**
 * Pixels read one value at a time: channel k of pixel i (row-major). Resampling from a source instead
 * of a float image lets a large picture go straight from its 8-bit pixels to the small input size,
 * without a full-size float copy (a 49 MP photo's would be 588 MB).
 */
export interface PixelSource {
  width: number;
  height: number;
  channels: number;
  value(i: number, k: number): number;
}

export function resizeBilinear(img: FloatImage, width: number, height: number): FloatImage {
  if (img.width === width && img.height === height) return img;
  const data = img.data;
  const c = img.channels;
  return resample({ width: img.width, height: img.height, channels: c, value: (i, k) => data[i * c + k]! }, width, height);
}

/** Bilinear resampling of any pixel source to width × height (as resizeBilinear). */
export function resample(src: PixelSource, width: number, height: number): FloatImage {
  const c = src.channels;
  const tx = taps(src.width, width);
  const ty = taps(src.height, height);
  const out = new Float32Array(width * height * c);
  for (let y = 0; y < height; y++) {
    const r0 = ty.i0[y]! * src.width;
    const r1 = ty.i1[y]! * src.width;
    const wy = ty.w1[y]!;
    for (let x = 0; x < width; x++) {
      const c0 = tx.i0[x]!;
      const c1 = tx.i1[x]!;
      const wx = tx.w1[x]!;
      for (let k = 0; k < c; k++) {
        const top = src.value(r0 + c0, k) * (1 - wx) + src.value(r0 + c1, k) * wx;
        const bottom = src.value(r1 + c0, k) * (1 - wx) + src.value(r1 + c1, k) * wx;
        out[(y * width + x) * c + k] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return { width, height, channels: c, data: out };
}
