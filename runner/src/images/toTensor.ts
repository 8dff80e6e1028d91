// Decoded pixels → the network's input: alpha composited on white, resized to the model's W×H
// (resize.ts), converted to its depth (1: grey by ITU-R BT.601 luma, 3: RGB), then `preprocess`
// (p·scale − mean[c]) / std[c], laid out NCHW (batch 1) as float32.
import { t, type Preprocess, type Shape } from '../../../core/src/index';
import { ImageError, type RgbaImage } from './decode';
import { resample, type FloatImage, type PixelSource } from './resize';

/** BT.601 luma weights, as PIL's convert('L') and torchvision's rgb_to_grayscale. */
const LUMA = [0.299, 0.587, 0.114] as const;

export interface NetworkInput {
  /** [1, depth, height, width] float32, after preprocess. */
  tensor: Float32Array;
  dims: [number, number, number, number];
  /** The picture the network sees, before preprocess (0..255, HWC, 1 or 3 channels): for display (not made with keepSeen false). */
  seen?: FloatImage;
}

/** Checks what the runner can feed the model before any image is read; a message, or undefined. */
export function inputProblem(shape: Shape, pre: Preprocess): string | undefined {
  if (shape.depth !== 1 && shape.depth !== 3) {
    return t('runnerErrors.inputDepthNotImage', { depth: shape.depth });
  }
  for (const [k, v] of [['mean', pre.mean], ['std', pre.std]] as const) {
    if (v.length !== 1 && v.length !== shape.depth) return t('runnerErrors.preprocessCount', { key: k, count: v.length, depth: shape.depth });
  }
  if (pre.std.some((s) => s === 0)) return t('runnerErrors.preprocessStdZero');
  return undefined;
}

/** Channel k (R, G or B) of RGBA pixel i composited on white, 0..255, rounded to float32 as stored. */
function onWhiteAt(d: Uint8Array, i: number, k: number): number {
  const a = d[i * 4 + 3]! / 255;
  return Math.fround(d[i * 4 + k]! * a + 255 * (1 - a));
}

/** Alpha on white, as 0..255 floats, RGB, read pixel by pixel. */
function onWhite(img: RgbaImage): PixelSource {
  const d = img.data;
  return { width: img.width, height: img.height, channels: 3, value: (i, k) => onWhiteAt(d, i, k) };
}

/** The picture at the input size, RGB on white: resampled from the 8-bit pixels, or composited as it is. */
export function rgbAtSize(img: RgbaImage, width: number, height: number): FloatImage {
  if (img.width !== width || img.height !== height) return resample(onWhite(img), width, height);
  const n = width * height;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) out[i * 3 + k] = onWhiteAt(img.data, i, k);
  return { width, height, channels: 3, data: out };
}

function toGrey(img: FloatImage): FloatImage {
  const n = img.width * img.height;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = LUMA[0] * img.data[i * 3]! + LUMA[1] * img.data[i * 3 + 1]! + LUMA[2] * img.data[i * 3 + 2]!;
  return { width: img.width, height: img.height, channels: 1, data: out };
}

/**
 * `keepSeen: false` (nobody shows the picture: the CLI) lets an RGB image already at the input size go
 * straight from its pixels to the tensor in one pass, with the same float32 values.
 */
export function imageToInput(img: RgbaImage, shape: Shape, pre: Preprocess, keepSeen = true, into?: Float32Array): NetworkInput {
  const problem = inputProblem(shape, pre);
  if (problem) throw new ImageError(problem);
  const hw = shape.width * shape.height;
  // The tensor goes into `into` (a slot of a batch's buffer) when given.
  const tensor = into && into.length === shape.depth * hw ? into : new Float32Array(shape.depth * hw);
  if (!keepSeen && shape.depth === 3 && img.width === shape.width && img.height === shape.height) return { tensor: rgbaToTensor(img, pre, tensor), dims: [1, 3, shape.height, shape.width] };
  const rgb = rgbAtSize(img, shape.width, shape.height);
  const seen = shape.depth === 1 ? toGrey(rgb) : rgb;
  const c = seen.channels;
  for (let k = 0; k < c; k++) {
    const mean = pre.mean.length === 1 ? pre.mean[0]! : pre.mean[k]!;
    const std = pre.std.length === 1 ? pre.std[0]! : pre.std[k]!;
    for (let i = 0; i < hw; i++) tensor[k * hw + i] = (seen.data[i * c + k]! * pre.scale - mean) / std;
  }
  return { tensor, dims: [1, c, shape.height, shape.width], seen };
}

/** RGBA pixels → the CHW tensor, alpha on white and preprocess in one pass (as rgbAtSize, then the loop above). */
function rgbaToTensor(img: RgbaImage, pre: Preprocess, tensor: Float32Array): Float32Array {
  const hw = img.width * img.height;
  const d = img.data;
  for (let k = 0; k < 3; k++) {
    const mean = pre.mean.length === 1 ? pre.mean[0]! : pre.mean[k]!;
    const std = pre.std.length === 1 ? pre.std[0]! : pre.std[k]!;
    const base = k * hw;
    for (let i = 0; i < hw; i++) tensor[base + i] = (onWhiteAt(d, i, k) * pre.scale - mean) / std;
  }
  return tensor;
}
