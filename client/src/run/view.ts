// What the result page shows, made from the runner's result: the text part (rendered as escaped HTML
// by html.ts) and the pixel part (posted to the page as base64 bytes and drawn on canvases there).
// No vscode import: node tests check it.
import type { ImageExtras, PipelineResult } from '../../../runner/src/run/pipeline';
import type { LayerRun, TopEntry } from '../../../runner/src/run/result';

export const PREVIEW_LIMITS = { maxChannels: 32, maxSize: 56 } as const;

/**
 * Exact values are kept (for the enlarged view's numbers and the bars) only for layers this small, so
 * that a large network's run does not post megabytes to the page: at most VALUE_LIMIT floats a layer,
 * dense and softmax outputs of at most MAX_VECTOR values.
 */
export const VALUE_LIMIT = 16384;
export const MAX_VECTOR = 1000;
/** Layer types whose output (a vector) is shown as bars. */
export const VECTOR_TYPES: ReadonlySet<string> = new Set(['dense', 'softmax']);
/** Bars shown per vector: the largest values. */
export const MAX_BARS = 10;

export interface MapLayerView {
  index: number;
  name: string;
  type: string;
  width: number;
  height: number;
  depth: number;
  channels: number;
  previewWidth: number;
  previewHeight: number;
}

export interface BarView {
  label: string;
  index: number;
  value: number;
}

export interface VectorView {
  layer: number;
  name: string;
  type: string;
  /** How many values the layer has; `bars` holds the largest MAX_BARS of them, largest first. */
  size: number;
  bars: BarView[];
}

export interface ImageView {
  name: string;
  path: string;
  /** The file's own size when it differs from the input size (the picture was resized to fit). */
  original?: { width: number; height: number };
  /** Dense and softmax outputs, in layer order. */
  vectors: VectorView[];
  top: TopEntry[];
  /** Whether the output looks like probabilities (all in 0..1, summing to 1). */
  probabilities: boolean;
  ms?: number;
  inputWidth: number;
  inputHeight: number;
  inputChannels: number;
}

export interface RunView {
  title: string;
  fileLabel: string;
  engine: 'native' | 'wasm';
  untrained?: { seed: number; layers: number[] };
  warnings: string[];
  errors: Array<{ image: string; error: string }>;
  layers: LayerRun[];
  images: ImageView[];
  mapLayers: MapLayerView[];
}

/** Pixels for one image: the input as the network sees it, and each map layer's channels. */
export interface ImagePixels {
  seen: { width: number; height: number; channels: number; b64: string };
  maps: Array<{ layer: number; channels: number; width: number; height: number; b64: string; ranges: Array<[number, number]> }>;
  /**
   * Exact values (Float32, little-endian, channel by channel, row by row) of the input as the network
   * takes it (layer -1, after preprocess) and of the small map layers, for the enlarged view.
   */
  values: Array<{ layer: number; channels: number; width: number; height: number; b64: string }>;
  /** For the chart: labels (or #index) and scores, largest first. */
  chart: { labels: string[]; scores: number[]; probabilities: boolean };
}

/** `zoom`: open the enlarged view of a map (layer -1: the input), as a click does (tests, commands). */
/**
 * 'show': a run's page body (HTML made by html.ts, every text escaped) and its pixels, put in place of
 * the page's content, so that a page already loaded (opened when the run started, or the previous run's)
 * draws at once instead of being loaded again.
 */
export type ToRunPage = { type: 'show'; seq: number; body: string; images: ImagePixels[] } | { type: 'zoom'; image: number; layer: number; channel: number };
/**
 * 'drawn': the page has drawn the pixels it was sent (canvases filled, charts made): proof it runs under
 * its CSP. 'zoomed': what the enlarged view shows (its title, the numbers in its cells, row by row).
 */
export type FromRunPage =
  | { type: 'ready' }
  | { type: 'reveal'; index: number }
  /** `seq`: the 'show' it drew (a page that loaded late may draw an earlier one first). */
  | { type: 'drawn'; seq: number; canvases: number; charts: number }
  | { type: 'zoomed'; title: string; cells: string[][] }
  /** The colour theme changed: the charts were made again, in these colours (the bars' fill). */
  | { type: 'themed'; charts: number; colour: string };

export function isFromRunPage(m: unknown): m is FromRunPage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r['type'] === 'ready') return true;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (r['type'] === 'drawn') return count(r['seq']) && count(r['canvases']) && count(r['charts']);
  if (r['type'] === 'themed') return count(r['charts']) && typeof r['colour'] === 'string';
  if (r['type'] === 'zoomed') {
    const cells = r['cells'];
    return typeof r['title'] === 'string' && Array.isArray(cells) && cells.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'));
  }
  return r['type'] === 'reveal' && typeof r['index'] === 'number' && Number.isInteger(r['index']) && r['index'] >= 0;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function looksLikeProbabilities(values: number[]): boolean {
  if (values.length < 2 || values.some((v) => !(v >= 0 && v <= 1))) return false;
  return Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-3;
}

/** What the run must keep for the page, from the server's summary rows: small layers' exact values. */
export function valueRequest(rows: ReadonlyArray<{ index: number; type: string; output: string }>, input: string): { keepOutputsOf: number[]; keepInputs: boolean } {
  const keepOutputsOf = rows.flatMap((row) => {
    const s = parseShape(row.output);
    if (!s) return [];
    const n = s.width * s.height * s.depth;
    if (VECTOR_TYPES.has(row.type)) return s.width === 1 && s.height === 1 && n <= MAX_VECTOR ? [row.index] : [];
    return s.width * s.height > 1 && s.width * s.height * Math.min(s.depth, PREVIEW_LIMITS.maxChannels) <= VALUE_LIMIT && s.width <= PREVIEW_LIMITS.maxSize && s.height <= PREVIEW_LIMITS.maxSize ? [row.index] : [];
  });
  const i = parseShape(input);
  return { keepOutputsOf, keepInputs: i !== undefined && i.width * i.height * i.depth <= VALUE_LIMIT };
}

/** The first W×H×D in a summary label ("9×9×3", "⚠ 10×10×8 (10.33 → 10)", "≈8×8×16"). */
export function parseShape(label: string): { width: number; height: number; depth: number } | undefined {
  const m = /(\d+)×(\d+)×(\d+)/.exec(label);
  return m ? { width: Number(m[1]), height: Number(m[2]), depth: Number(m[3]) } : undefined;
}

function b64(data: Float32Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

/** Layer `layer`'s vector as bars: the largest MAX_BARS values, labelled where the output's labels apply. */
function vectorView(layer: LayerRun, values: ArrayLike<number>, labelOf: Map<number, string> | undefined): VectorView {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
  const bars = order.slice(0, MAX_BARS).map((index) => ({ index, label: labelOf?.get(index) ?? `#${index}`, value: values[index]! }));
  return { layer: layer.index, name: layer.name, type: layer.type, size: values.length, bars };
}

export function toView(r: PipelineResult, fileLabel: string, originals: ReadonlyArray<{ width: number; height: number } | undefined> = []): { view: RunView; pixels: ImagePixels[] } {
  const first = r.extras[0];
  const mapLayers: MapLayerView[] = (first?.mapPreviews ?? []).map((m) => {
    const l = r.layers.find((x) => x.index === m.layer);
    return {
      index: m.layer, name: l?.name ?? String(m.layer), type: l?.type ?? '', width: m.width, height: m.height, depth: m.depth,
      channels: m.channels, previewWidth: m.previewWidth, previewHeight: m.previewHeight,
    };
  });
  const last = r.layers[r.layers.length - 1];
  const images: ImageView[] = r.outputs.map((o, i) => {
    const seen = r.extras[i]?.seenPreview;
    // The output's labels name the values of any vector as long as it (the dense layer before a softmax).
    const labelOf = new Map(o.top.flatMap((t) => (t.label !== undefined ? [[t.index, t.label] as const] : [])));
    const vectors = r.layers.flatMap((l) => {
      if (!VECTOR_TYPES.has(l.type)) return [];
      const values = l === last ? o.output : r.extras[i]?.maps?.[l.index]?.data;
      return values ? [vectorView(l, values, values.length === o.output.length ? labelOf : undefined)] : [];
    });
    const v: ImageView = {
      name: baseName(o.image), path: o.image, top: o.top, probabilities: looksLikeProbabilities(o.output), vectors,
      inputWidth: seen?.width ?? 0, inputHeight: seen?.height ?? 0, inputChannels: seen?.channels ?? 0,
    };
    const original = originals[i];
    if (original && seen && (original.width !== seen.width || original.height !== seen.height)) v.original = original;
    if (o.ms !== undefined) v.ms = o.ms;
    return v;
  });
  const pixels: ImagePixels[] = r.outputs.map((o, i) => {
    const x = r.extras[i];
    const seen = x?.seenPreview;
    return {
      seen: { width: seen?.width ?? 0, height: seen?.height ?? 0, channels: seen?.channels ?? 0, b64: seen ? Buffer.from(seen.data).toString('base64') : '' },
      maps: (x?.mapPreviews ?? []).map((m) => ({ layer: m.layer, channels: m.channels, width: m.previewWidth, height: m.previewHeight, b64: Buffer.from(m.data).toString('base64'), ranges: m.ranges })),
      values: exactValues(x),
      chart: { labels: o.top.map((t) => t.label ?? `#${t.index}`), scores: o.top.map((t) => t.score), probabilities: images[i]!.probabilities },
    };
  });
  const view: RunView = {
    title: r.modelName ?? baseName(fileLabel),
    fileLabel,
    engine: r.engine,
    warnings: r.warnings,
    errors: r.errors.map((e) => ({ image: baseName(e.image), error: e.error })),
    layers: r.layers,
    images,
    mapLayers,
  };
  if (r.untrained) view.untrained = r.untrained;
  return { view, pixels };
}

/** The input tensor and the previewed maps' shown channels, where the run kept their exact values. */
function exactValues(x: ImageExtras | undefined): ImagePixels['values'] {
  const out: ImagePixels['values'] = [];
  if (x?.input) {
    const [, channels = 1, height = 1, width = 1] = x.input.dims;
    out.push({ layer: -1, channels, width, height, b64: b64(x.input.data) });
  }
  for (const m of x?.mapPreviews ?? []) {
    const t = x?.maps?.[m.layer];
    if (!t || m.previewWidth !== m.width || m.previewHeight !== m.height) continue;
    out.push({ layer: m.layer, channels: m.channels, width: m.width, height: m.height, b64: b64(t.data.subarray(0, m.channels * m.width * m.height)) });
  }
  return out;
}
