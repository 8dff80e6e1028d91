// The editor's first "Run Model on Image…" on ResNet-18, outside the editor: the same request the
// command sends (profile on, previews), one 224×224 image, through the worker as the extension runs it.
//   cold       a worker started by the run itself (the CLI; the editor before its worker has started):
//              worker start, onnxruntime loaded, weights made, session built, all after the command
//   spare      the extension's worker started ahead (onnxruntime loaded), nothing built: the editor's
//              cold path (a version nobody prepared, e.g. an edit run at once)
//   joined     the model's preparation asked for just before the command: the run takes it where it has got
//   prewarmed  prewarmRunner(request) done first (the model shown, or a pause in the typing), then the run
//   again      the next run (the worker made ready again after the first)
//   edited     then an unsaved edit (fc: 1000 → 10 units) run at once: built at run time, in the worker
//              that had prepared the version before (it takes that version's He tensors of unchanged layers)
// Prints each run's phases (ms after the call), its total and the load average. Run: node scripts/bench.mjs coldRun [rounds]
import { join, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { prewarmRunner, runInWorker, stopSpareRunner } from '../runner/src/engine/client';
import type { PipelineRequest } from '../runner/src/run/pipeline';
import { phaseTimes, wallNow } from '../runner/src/run/phases';
import { imageFolder } from './runnerScale';

const root = resolve(__dirname.includes('out') ? join(__dirname, '../..') : join(__dirname, '..'));
const workerPath = join(root, 'dist/runnerWorker.js');
const load = () => loadavg()[0]!.toFixed(2);

async function timed(label: string, req: PipelineRequest): Promise<number> {
  const before = load();
  const start = wallNow();
  const t0 = performance.now();
  const r = await runInWorker(req, { workerPath });
  const ms = performance.now() - t0;
  const rows = phaseTimes(r.timing ?? [], start);
  const first = rows.find((p) => p.phase === 'run')?.total ?? NaN;
  const phases = rows.map((p) => `${p.phase} +${p.ms.toFixed(0)}`).join(', ');
  console.log(`${label.padEnd(10)} first result ${first.toFixed(0).padStart(5)} ms, reply ${ms.toFixed(0).padStart(5)} ms  load ${before}  (${phases})`);
  return first;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 1);
  const model = join(root, 'samples/resnet18.cnn.yaml');
  const dir = imageFolder(1);
  try {
    const text = readFileSync(model, 'utf8');
    const req: PipelineRequest = {
      modelFile: model,
      text,
      defaultRounding: 'strict',
      images: [join(dir.dir, '00000.png')],
      previews: { maxChannels: 32, maxSize: 56 },
      profile: true,
    };
    console.log(`ResNet-18, one 224×224 PNG, the editor's request (profile, previews), ${availableParallelism()} cores; first result = ms from the call to the first image's result:`);
    for (let round = 0; round < rounds; round++) {
      await stopSpareRunner();
      await timed('cold', req);
      await stopSpareRunner();
      await prewarmRunner(undefined, { workerPath });
      // Another text each round: a version nobody has prepared.
      await timed('spare', { ...req, text: `# spare ${round}\n${text}` });
      await stopSpareRunner();
      await prewarmRunner(undefined, { workerPath });
      void prewarmRunner(req, { workerPath });
      await timed('joined', req);
      const t0 = performance.now();
      const made = await prewarmRunner(req, { workerPath });
      console.log(`(prewarm took ${(performance.now() - t0).toFixed(0)} ms in the background; session made: ${made})`);
      await timed('prewarmed', req);
      await prewarmRunner(req, { workerPath });
      await timed('again', req);
      await prewarmRunner(req, { workerPath });
      await timed('edited', { ...req, text: text.replace('units: 1000', 'units: 10') });
    }
    await stopSpareRunner();
  } finally {
    dir.remove();
  }
}

void main();
