// cnnshape export MODEL --onnx OUT.onnx: writes the ONNX graph the runner would run (weights from the
// file, inline, or He-initialised), then loads the written file in onnxruntime to prove it is valid.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RunnerEngine } from '../../../runner/src/engine/client';
import { isUserError } from '../../../runner/src/errors';
import { buildGraph } from '../../../runner/src/onnx/buildGraph';
import { errorLines } from '../../../runner/src/onnx/modelErrors';
import { OPSET, encodeModel } from '../../../runner/src/onnx/proto';
import { checkRunnable } from '../../../runner/src/run/sizeCheck';
import { resolveParameters } from '../../../runner/src/weights/resolve';
import { loadModel } from '../files';
import { addRoundingOption, intOption, roundingOption } from '../options';

interface ExportOptions {
  onnx?: string;
  weights?: string;
  seed?: string;
  finalOnly?: boolean;
  verify?: boolean;
  rounding?: string;
}

export function registerExport(program: Command): void {
  addRoundingOption(program
    .command('export')
    .description('write the network as an ONNX model (opset 17), every layer\'s output a graph output')
    .argument('<model>', 'a model file')
    .requiredOption('--onnx <file>', 'the .onnx file to write')
    .option('--weights <file>', 'a .safetensors file to use instead of the model\'s `weights:`')
    .option('--seed <n>', 'seed of the He initialisation for layers without weights (default 1)')
    .option('--final-only', 'expose only the last layer\'s output')
    .option('--no-verify', 'do not load the written file in onnxruntime afterwards'))
    .action(async (modelFile: string, opts: ExportOptions) => {
      const seed = intOption('seed', opts.seed, 0);
      const m = loadModel(modelFile, roundingOption(opts.rounding));
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        process.stderr.write(`${errors.join('\n')}\ncnnshape: ${modelFile} has errors: not exported\n`);
        process.exitCode = 1;
        return;
      }
      const out = opts.onnx!;
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
