// cnnshape export MODEL --onnx OUT.onnx: writes the ONNX graph the runner would run (weights from the
// file, inline, or He-initialised), then loads the written file in onnxruntime to prove it is valid.
// cnnshape export MODEL --pytorch OUT.py: writes the network as a PyTorch nn.Module (see
// runner/src/export/pytorch/), its state_dict keys the format's weight keys.
import type { Command } from 'commander';
import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportError, exportPytorch } from '../../../export/src/pytorch/generate';
import { loadLabels } from '../../../runner/src/run/labels';
import { RunnerEngine } from '../../../runner/src/engine/client';
import { isUserError } from '../../../runner/src/errors';
import { buildGraph } from '../../../runner/src/onnx/buildGraph';
import { errorLines } from '../../../runner/src/onnx/modelErrors';
import { OPSET, encodeModel } from '../../../runner/src/onnx/proto';
import { checkRunnable } from '../../../runner/src/run/sizeCheck';
import { resolveParameters } from '../../../runner/src/weights/resolve';
import { UsageError } from '../errors';
import { loadModel } from '../files';
import { addRoundingOption, intOption, roundingOption } from '../options';

interface ExportOptions {
  onnx?: string;
  pytorch?: string;
  weights?: string;
  seed?: string;
  finalOnly?: boolean;
  verify?: boolean;
  rounding?: string;
}

export function registerExport(program: Command): void {
  addRoundingOption(program
    .command('export')
    .description('write the network as an ONNX model (opset 17, every layer\'s output a graph output) or as PyTorch code')
    .argument('<model>', 'a model file')
    .option('--onnx <file>', 'the .onnx file to write')
    .option('--pytorch <file>', 'the .py file to write: an nn.Module whose state_dict keys are the model\'s weight keys')
    .option('--weights <file>', 'a .safetensors file to use instead of the model\'s `weights:`')
    .option('--seed <n>', 'seed of the He initialisation for layers without weights (default 1)')
    .option('--final-only', 'expose only the last layer\'s output')
    .option('--no-verify', 'do not load the written file in onnxruntime afterwards'))
    .action(async (modelFile: string, opts: ExportOptions) => {
      if (!opts.onnx && !opts.pytorch) throw new UsageError('say what to write: --onnx FILE or --pytorch FILE');
      for (const out of [opts.onnx, opts.pytorch]) {
        if (out && sameFile(out, modelFile)) throw new UsageError(`${out} is the model file itself: choose another output file`);
      }
      const seed = intOption('seed', opts.seed, 0);
      const m = loadModel(modelFile, roundingOption(opts.rounding));
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        process.stderr.write(`${errors.join('\n')}\ncnnshape: ${modelFile} has errors: not exported\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.pytorch) writePytorch(m.analysis, modelFile, opts.pytorch);
      if (!opts.onnx || process.exitCode) return;
      const out = opts.onnx;
      let bytes: Uint8Array;
      let untrained: number[];
      try {
        checkRunnable(m.analysis, modelFile);
        const params = resolveParameters(m.analysis, {
          modelFile: resolve(modelFile),
          ...(seed !== undefined ? { seed } : {}),
          ...(opts.weights ? { weightsFile: resolve(opts.weights) } : {}),
        });
        for (const w of params.warnings) process.stderr.write(`warning: ${w}\n`);
        untrained = params.untrained;
        const g = buildGraph(m.analysis, params, { fileName: modelFile, exposeAll: !opts.finalOnly });
        bytes = encodeModel(g.model);
        writeFileSync(out, bytes);
      } catch (e) {
        if (!isUserError(e) && !(e as NodeJS.ErrnoException).code) throw e;
        process.stderr.write(`cnnshape: ${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`wrote ${out}: ${bytes.length} bytes, ONNX opset ${OPSET}, input NCHW float32 named 'input'\n`);
      if (untrained.length) process.stdout.write(`note: layers ${untrained.join(', ')} have He-initialised (untrained) weights\n`);
      if (opts.verify !== false) {
        const { readFileSync } = await import('node:fs');
        const engine = await RunnerEngine.start(new Uint8Array(readFileSync(out)));
        try {
          const shape = m.analysis.model.input!.value;
          const res = await engine.run(new Float32Array(shape.depth * shape.height * shape.width), [1, shape.depth, shape.height, shape.width]);
          process.stdout.write(`verified: onnxruntime (${engine.backend}) loads ${out} and runs it (${Object.keys(res).length} outputs)\n`);
        } finally {
          await engine.close();
        }
      }
    });
}

/** Whether `out` names the same file as `model` (compared after resolving links, where it exists). */
function sameFile(out: string, model: string): boolean {
  const real = (f: string) => {
    try {
      return realpathSync(f);
    } catch {
      return resolve(f);
    }
  };
  return real(out) === real(model);
}

function writePytorch(analysis: Parameters<typeof exportPytorch>[0], modelFile: string, out: string): void {
  try {
    const labels = loadLabels(analysis.model, modelFile);
    const code = exportPytorch(analysis, { fileName: modelFile, ...(labels ? { labels } : {}) });
    writeFileSync(out, code);
    process.stdout.write(`wrote ${out}: PyTorch code, ${code.split('\n').length - 1} lines\n`);
  } catch (e) {
    if (!(e instanceof ExportError) && !isUserError(e) && !(e as NodeJS.ErrnoException).code) throw e;
    process.stderr.write(`cnnshape: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
