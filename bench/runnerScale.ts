// The runner at scale, for runner.bench.ts: the phases of one ResNet-18 run, `cnnshape run` end to end
// on a folder of 224×224 PNGs (hard links of one generated file: little disk, removed afterwards),
// and the peak memory (max RSS of the CLI process, GNU time) for 100 and 10,000 images.
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PNG } from 'pngjs';
import { analyze } from '../core/src/index';
import { RunnerEngine } from '../runner/src/engine/client';
import { createEngineSession } from '../runner/src/engine/session';
import { readImageFile } from '../runner/src/images/decode';
import { imageToInput } from '../runner/src/images/toTensor';
import { buildGraph } from '../runner/src/onnx/buildGraph';
import { encodeModel } from '../runner/src/onnx/proto';
import { resolveParameters } from '../runner/src/weights/resolve';

function pngOfSize(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    const x = i % size;
    const y = (i / size) | 0;
    png.data.set([(x * 7 + y) & 255, (y * 5) & 255, (x ^ y) & 255, 255], i * 4);
  }
  return PNG.sync.write(png);
}

/** A folder of n hard links to one PNG of size × size (224 by default). */
export function imageFolder(n: number, size = 224): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cnnshape-bench-images-'));
  const src = join(dir, 'source.png.bin');
  writeFileSync(src, pngOfSize(size));
  const imgs = join(dir, 'images');
  mkdirSync(imgs);
  for (let i = 0; i < n; i++) linkSync(src, join(imgs, `${String(i).padStart(5, '0')}.png`));
  return { dir: imgs, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function phases(root: string, workerPath: string | undefined): Promise<string[]> {
  const file = join(root, 'samples/resnet18.cnn.yaml');
  const out: string[] = [];
  const t = (label: string, ms: number) => out.push(`  ${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
  if (workerPath) {
    const tiny = analyze({ text: 'input: 4x4x1\nlayers:\n  - relu\n', fileName: 'tiny.cnn.yaml' });
    const bytes = encodeModel(buildGraph(tiny, { byLayer: new Map(), warnings: [] }, { fileName: 'tiny' }).model);
    const t0 = performance.now();
    const e = await RunnerEngine.start(bytes, {}, { workerPath });
    t('worker start + engine load (tiny)', performance.now() - t0);
    await e.close();
  }
  let t0 = performance.now();
  const a = analyze({ text: readFileSync(file, 'utf8'), fileName: file });
  t('analysis', performance.now() - t0);
  t0 = performance.now();
  const params = resolveParameters(a, { modelFile: file });
  t('He initialisation (11.7 M weights)', performance.now() - t0);
  t0 = performance.now();
  const full = encodeModel(buildGraph(a, params, { fileName: file }).model);
  t('graph build + encoding', performance.now() - t0);
  const dir = imageFolder(8);
  try {
    t0 = performance.now();
    const inputs = Array.from({ length: 8 }, (_, i) => imageToInput(readImageFile(join(dir.dir, `0000${i}.png`)), a.model.input!.value, a.model.preprocess.value));
    t('decode + resize + tensor, per image', (performance.now() - t0) / 8);
    t0 = performance.now();
    const s = await createEngineSession(full, {});
    t('session creation (every layer exposed)', performance.now() - t0);
    t0 = performance.now();
    await s.run(inputs[0]!.tensor, inputs[0]!.dims);
    t('first image, every output fetched', performance.now() - t0);
    await s.release();
    const lean = encodeModel(buildGraph(a, params, { fileName: file, exposeAll: false }).model);
    t0 = performance.now();
    const l = await createEngineSession(lean, {});
    t('session creation (result only)', performance.now() - t0);
    const batch = new Float32Array(inputs[0]!.tensor.length * 8);
    inputs.forEach((x, i) => batch.set(x.tensor, i * x.tensor.length));
    await l.run(batch, [8, 3, 224, 224]);
    t0 = performance.now();
    for (let k = 0; k < 3; k++) await l.run(batch, [8, 3, 224, 224]);
    t('per image in batches of 8', (performance.now() - t0) / 24);
    await l.release();
  } finally {
    dir.remove();
  }
  return out;
}

export interface CliRun {
  images: number;
  wallMs: number;
  maxRssMb: number | undefined;
  ok: boolean;
}

/** `cnnshape run MODEL FOLDER --json` (output discarded), timed, with its peak memory. */
export function cliRun(root: string, model: string, n: number, size = 224): CliRun {
  const dir = imageFolder(n, size);
  try {
    const cli = join(root, 'bin/cnnshape.js');
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', process.execPath, cli, 'run', model, dir.dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
    const wallMs = performance.now() - t0;
    const m = /maxrss (\d+)/.exec(r.stderr ?? '');
    return { images: n, wallMs, maxRssMb: m ? Number(m[1]) / 1024 : undefined, ok: r.status === 0 };
  } finally {
    dir.remove();
  }
}
