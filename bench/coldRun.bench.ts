// The editor's first "Run Model on Image…" on ResNet-18, outside the editor: the same request the
// command sends (profile on, previews), one 224×224 image, through the worker as the extension runs it.
//   cold      a worker started by the run itself (onnxruntime loaded, weights made, session built: all after the command)
//   prewarmed prewarmRunner(request) first (what the extension does when a model file is shown), then the run
//   again     the next run (the worker made ready again after the first)
// Prints each run's phases (ms after the call) and its total. Run: node scripts/bench.mjs coldRun
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { prewarmRunner, runInWorker, stopSpareRunner } from '../runner/src/engine/client';
import type { PipelineRequest } from '../runner/src/run/pipeline';
import { phaseTimes, wallNow } from '../runner/src/run/phases';
import { imageFolder } from './runnerScale';

const root = resolve(__dirname.includes('out') ? join(__dirname, '../..') : join(__dirname, '..'));
const workerPath = join(root, 'dist/runnerWorker.js');

async function timed(label: string, req: PipelineRequest): Promise<number> {
  const start = wallNow();
  const t0 = performance.now();
  const r = await runInWorker(req, { workerPath });
  const ms = performance.now() - t0;
  const phases = phaseTimes(r.timing ?? [], start).map((p) => `${p.phase} +${p.ms.toFixed(0)}`).join(', ');
  console.log(`${label.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms   (${phases})`);
  return ms;
}

async function main(): Promise<void> {
  const model = join(root, 'samples/resnet18.cnn.yaml');
  const dir = imageFolder(1);
  try {
    const req: PipelineRequest = {
      modelFile: model,
      text: readFileSync(model, 'utf8'),
      defaultRounding: 'strict',
      images: [join(dir.dir, '00000.png')],
      previews: { maxChannels: 32, maxSize: 56 },
      profile: true,
    };
    console.log('ResNet-18, one 224×224 PNG, the editor\'s request (profile, previews), ms from the call to the result:');
    await timed('cold', req);
    const t0 = performance.now();
    const made = await prewarmRunner(req, { workerPath });
    console.log(`(prewarm took ${(performance.now() - t0).toFixed(0)} ms in the background; session made: ${made})`);
    await timed('prewarmed', req);
    await prewarmRunner(req, { workerPath });
    await timed('again', req);
    await stopSpareRunner();
  } finally {
    dir.remove();
  }
}

void main();
