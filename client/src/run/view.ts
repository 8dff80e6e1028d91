// What the result page shows, made from the runner's result: the text part (rendered as escaped HTML
// by html.ts) and the pixel part (posted to the page as base64 bytes and drawn on canvases there).
// No vscode import: node tests check it.
import type { PipelineResult } from '../../../runner/src/run/pipeline';
import type { LayerRun, TopEntry } from '../../../runner/src/run/result';

export const PREVIEW_LIMITS = { maxChannels: 32, maxSize: 56 } as const;

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

export interface ImageView {
  name: string;
  path: string;
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
  /** For the chart: labels (or #index) and scores, largest first. */
  chart: { labels: string[]; scores: number[]; probabilities: boolean };
}

export type ToRunPage = { type: 'pixels'; images: ImagePixels[] };
/** 'drawn': the page has drawn the pixels it was sent (canvases filled, charts made): proof it runs under its CSP. */
export type FromRunPage = { type: 'ready' } | { type: 'reveal'; index: number } | { type: 'drawn'; canvases: number; charts: number };

export function isFromRunPage(m: unknown): m is FromRunPage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r['type'] === 'ready') return true;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (r['type'] === 'drawn') return count(r['canvases']) && count(r['charts']);
  return r['type'] === 'reveal' && typeof r['index'] === 'number' && Number.isInteger(r['index']) && r['index'] >= 0;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function looksLikeProbabilities(values: number[]): boolean {
  if (values.length < 2 || values.some((v) => !(v >= 0 && v <= 1))) return false;
  return Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-3;
}

export function toView(r: PipelineResult, fileLabel: string): { view: RunView; pixels: ImagePixels[] } {
  const first = r.extras[0];
  const mapLayers: MapLayerView[] = (first?.mapPreviews ?? []).map((m) => {
    const l = r.layers.find((x) => x.index === m.layer);
    return {
      index: m.layer, name: l?.name ?? String(m.layer), type: l?.type ?? '', width: m.width, height: m.height, depth: m.depth,
      channels: m.channels, previewWidth: m.previewWidth, previewHeight: m.previewHeight,
    };
  });
  const images: ImageView[] = r.outputs.map((o, i) => {
    const seen = r.extras[i]?.seenPreview;
    const v: ImageView = {
      name: baseName(o.image), path: o.image, top: o.top, probabilities: looksLikeProbabilities(o.output),
      inputWidth: seen?.width ?? 0, inputHeight: seen?.height ?? 0, inputChannels: seen?.channels ?? 0,
    };
    if (o.ms !== undefined) v.ms = o.ms;
    return v;
  });
  const pixels: ImagePixels[] = r.outputs.map((o, i) => {
    const x = r.extras[i];
    const seen = x?.seenPreview;
    return {
      seen: { width: seen?.width ?? 0, height: seen?.height ?? 0, channels: seen?.channels ?? 0, b64: seen ? Buffer.from(seen.data).toString('base64') : '' },
      maps: (x?.mapPreviews ?? []).map((m) => ({ layer: m.layer, channels: m.channels, width: m.previewWidth, height: m.previewHeight, b64: Buffer.from(m.data).toString('base64'), ranges: m.ranges })),
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
