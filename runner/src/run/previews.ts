// Small 8-bit pictures of what a run computed, for display: the input as the network sees it, and a
// layer's feature maps (each channel scaled from its own min..max to 0..255; large maps subsampled,
// many channels cut to the first few). Made in the worker so the editor never handles raw tensors.
import { LAYERS } from '../../../core/src/index';
import type { OutputTensor } from '../engine/session';
import type { FloatImage } from '../images/resize';

/** Layer types whose output is shown as feature maps (the registry says which) when a run asks for previews without naming layers. */
export const MAP_TYPES: ReadonlySet<string> = new Set([...LAYERS.values()].filter((s) => s.featureMaps).map((s) => s.type));

export interface PreviewOptions {
  /** Layer indices to preview; default: every layer whose type is in MAP_TYPES. */
  layers?: number[];
  /** At most this many channels per layer (the first ones). */
  maxChannels: number;
  /** Maps larger than this (width or height) are subsampled to fit. */
  maxSize: number;
}

export interface MapPreview {
  layer: number;
  /** The map's real size: width, height, depth. */
  width: number;
  height: number;
  depth: number;
  /** The preview's size and channel count. */
  previewWidth: number;
  previewHeight: number;
  channels: number;
  /** channels·previewHeight·previewWidth bytes, channel by channel, row by row. */
  data: Uint8Array;
  /** Each channel's real value range. */
  ranges: Array<[number, number]>;
}

export interface ImagePreview {
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB). */
  channels: number;
  /** HWC bytes. */
  data: Uint8Array;
}

export function previewImage(img: FloatImage): ImagePreview {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(img.data[i]!)));
  return { width: img.width, height: img.height, channels: img.channels, data };
}

export function previewMap(layer: number, t: OutputTensor, opts: Pick<PreviewOptions, 'maxChannels' | 'maxSize'>): MapPreview {
  const [, depth = 1, height = 1, width = 1] = t.dims;
  const step = Math.max(1, Math.ceil(Math.max(width, height) / opts.maxSize));
  const pw = Math.ceil(width / step);
  const ph = Math.ceil(height / step);
  const channels = Math.min(depth, opts.maxChannels);
  const data = new Uint8Array(channels * pw * ph);
  const ranges: Array<[number, number]> = [];
  const hw = width * height;
  for (let c = 0; c < channels; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = c * hw; i < (c + 1) * hw; i++) {
      const v = t.data[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    ranges.push([lo, hi]);
    const scale = hi > lo ? 255 / (hi - lo) : 0;
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        const v = t.data[c * hw + y * step * width + x * step]!;
        data[(c * ph + y) * pw + x] = hi > lo ? Math.round((v - lo) * scale) : 128;
      }
    }
  }
  return { layer, width, height, depth, previewWidth: pw, previewHeight: ph, channels, data, ranges };
}
