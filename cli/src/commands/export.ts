// cnnshape export MODEL --onnx OUT.onnx: writes the ONNX graph the runner would run (weights from the
// file, inline, or He-initialised), then loads the written file in onnxruntime to prove it is valid.
// cnnshape export MODEL --pytorch OUT.py: writes the network as PyTorch code (export/src/pytorch/):
// an nn.Module whose state_dict keys are the format's weight keys.
import type { Command } from 'commander';
import { t } from '../../../core/src/index';
import { realpathSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { ExportError, exportPytorch } from '../../../export/src/pytorch/generate';
import { RunnerEngine } from '../../../runner/src/engine/client';
import { isUserError } from '../../../runner/src/errors';
import { buildGraph } from '../../../runner/src/onnx/buildGraph';
import { errorLines } from '../../../runner/src/onnx/modelErrors';
import { OPSET, encodeModel } from '../../../runner/src/onnx/proto';
import { loadLabels } from '../../../runner/src/run/labels';
import { checkRunnable } from '../../../runner/src/run/sizeCheck';
import { resolveParameters } from '../../../runner/src/weights/resolve';
import { UsageError } from '../errors';
import { loadModel } from '../files';
import { writeOutputFile } from '../outputFile';
import { addRoundingOption, intOption, roundingOption } from '../options';
import { printErr, printOut, terminalLine } from '../terminalText';

interface ExportOptions {
  onnx?: string;
  pytorch?: string;
  weights?: string;
  seed?: string;
  finalOnly?: boolean;
  verify?: boolean;
  force?: boolean;
  rounding?: string;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * The output may not be the model or weights file itself, nor a device or FIFO (`/dev/null`); an existing
 * file that is not .onnx is overwritten only with --force (a typo should not cost a file).
 */
export function checkExportTarget(out: string, inputs: readonly string[], force: boolean, flag = '--onnx', ext = '.onnx'): void {
  const target = realOrResolved(out);
  if (inputs.some((f) => realOrResolved(f) === target)) throw new UsageError(t('cli.exportIsInput', { flag, file: out }));
  let st;
  try {
    st = statSync(target);
  } catch {
    return; // does not exist yet: written (a missing folder is reported when writing)
  }
  if (!st.isFile()) throw new UsageError(t('cli.exportNotFile', { flag, file: out }));
  if (extname(out).toLowerCase() !== ext && !force) throw new UsageError(t('cli.exportExists', { flag, file: out, ext }));
}

export function registerExport(program: Command): void {
  addRoundingOption(program
    .command('export')
    .description(t('cli.exportDescription'))
    .argument('<model>', t('cli.aModelFile'))
    .option('--onnx <file>', t('cli.onnxOption'))
    .option('--pytorch <file>', t('cli.pytorchOption'))
    .option('--weights <file>', t('cli.weightsOption'))
    .option('--seed <n>', t('cli.seedOption'))
    .option('--final-only', t('cli.finalOnlyOption'))
    .option('--no-verify', t('cli.noVerifyOption'))
    .option('--force', t('cli.forceOption')))
    .action(async (modelFile: string, opts: ExportOptions) => {
      if (!opts.onnx && !opts.pytorch) throw new UsageError(t('cli.exportWhat'));
      const seed = intOption('seed', opts.seed, 0);
      const m = loadModel(modelFile, roundingOption(opts.rounding));
      const declared = m.analysis.model.weights?.value;
      const inputs = [modelFile, ...(opts.weights ? [opts.weights] : []), ...(declared !== undefined ? [resolve(dirname(modelFile), declared)] : [])];
      if (opts.onnx) checkExportTarget(opts.onnx, inputs, opts.force === true);
      if (opts.pytorch) checkExportTarget(opts.pytorch, inputs, opts.force === true, '--pytorch', '.py');
      const errors = errorLines(m.analysis, modelFile);
      if (errors.length) {
        printErr(`${errors.map(terminalLine).join('\n')}\n${t('cli.notExported', { file: modelFile })}\n`);
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
        for (const w of params.warnings) printErr(`${t('cli.warningLine', { message: terminalLine(w) })}\n`);
        untrained = params.untrained;
        const g = buildGraph(m.analysis, params, { fileName: modelFile, exposeAll: !opts.finalOnly });
        bytes = encodeModel(g.model);
        writeOutputFile(out, bytes, '--onnx');
      } catch (e) {
        if (e instanceof UsageError) throw e;
        if (!isUserError(e) && !(e as NodeJS.ErrnoException).code) throw e;
        printErr(`cnnshape: ${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      printOut(`${t('cli.wroteOnnx', { file: out, bytes: bytes.length, opset: OPSET })}\n`);
      if (untrained.length) printOut(`${t('cli.untrainedNote', { layers: untrained.join(', ') })}\n`);
      if (opts.verify !== false) {
        const { readFileSync } = await import('node:fs');
        const engine = await RunnerEngine.start(new Uint8Array(readFileSync(out)));
        try {
          const shape = m.analysis.model.input!.value;
          const res = await engine.run(new Float32Array(shape.depth * shape.height * shape.width), [1, shape.depth, shape.height, shape.width]);
          printOut(`${t('cli.verified', { backend: engine.backend, file: out, count: Object.keys(res).length })}\n`);
        } finally {
          await engine.close();
        }
      }
    });
}

function writePytorch(analysis: Parameters<typeof exportPytorch>[0], modelFile: string, out: string): void {
  try {
    const labels = loadLabels(analysis.model, modelFile);
    const code = exportPytorch(analysis, { fileName: modelFile, ...(labels ? { labels } : {}) });
    writeOutputFile(out, new TextEncoder().encode(code), '--pytorch');
    printOut(`${t('cli.wrotePytorch', { file: out, lines: code.split('\n').length - 1 })}\n`);
  } catch (e) {
    if (!(e instanceof ExportError) && !isUserError(e) && !(e as NodeJS.ErrnoException).code) throw e;
    printErr(`cnnshape: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
