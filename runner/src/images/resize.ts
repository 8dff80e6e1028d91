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

export function resizeBilinear(img: FloatImage, width: number, height: number): FloatImage {
  if (img.width === width && img.height === height) return img;
  const c = img.channels;
  const tx = taps(img.width, width);
  const ty = taps(img.height, height);
  const out = new Float32Array(width * height * c);
  const src = img.data;
  for (let y = 0; y < height; y++) {
    const r0 = ty.i0[y]! * img.width;
    const r1 = ty.i1[y]! * img.width;
    const wy = ty.w1[y]!;
    for (let x = 0; x < width; x++) {
      const c0 = tx.i0[x]!;
      const c1 = tx.i1[x]!;
      const wx = tx.w1[x]!;
      for (let k = 0; k < c; k++) {
        const top = src[(r0 + c0) * c + k]! * (1 - wx) + src[(r0 + c1) * c + k]! * wx;
        const bottom = src[(r1 + c0) * c + k]! * (1 - wx) + src[(r1 + c1) * c + k]! * wx;
        out[(y * width + x) * c + k] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return { width, height, channels: c, data: out };
}
