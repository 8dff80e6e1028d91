// cnnshape graph MODEL --svg OUT.svg [--png OUT.png] [--dot OUT.dot]: the picture of the network the
// editor's "Show Model Graph" draws (same model graph, same elkjs layout, same SVG), for READMEs,
// papers and CI artefacts. Without an output option the SVG goes to standard output.
import type { Command } from 'commander';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors, t } from '../../../core/src/index';
import { buildGraph, layoutGraph, renderDot, renderSvg, visibleGraph } from '../../../server/src/graph/index';
import { UsageError } from '../errors';
import { loadModel } from '../files';
import { writeOutputFile } from '../outputFile';
import { addRoundingOption, roundingOption } from '../options';

interface GraphOptions {
  svg?: string;
  png?: string;
  dot?: string;
  collapse?: boolean;
  scale?: string;
  rounding?: string;
}

/** PNGs stay within what image viewers and resvg handle: this many pixels a side, and in all. */
const MAX_SIDE = 32000;
const MAX_PIXELS = 120e6;

export function registerGraph(program: Command): void {
  addRoundingOption(program
    .command('graph')
    .description(t('cli.graphDescription'))
    .argument('<model>', t('cli.aModelFile'))
    .option('--svg <file>', t('cli.svgOption'))
    .option('--png <file>', t('cli.pngOption'))
    .option('--dot <file>', t('cli.dotOption'))
    .option('--collapse', t('cli.collapseOption'))
    .option('--scale <n>', t('cli.scaleOption')))
    .action(async (modelFile: string, opts: GraphOptions) => {
      const outputs = [opts.svg, opts.png, opts.dot].filter((f): f is string => f !== undefined);
      refuseToOverwrite(modelFile, outputs);
      const scale = opts.scale === undefined ? 2 : Number(opts.scale);
      if (!(scale > 0 && scale <= 8)) throw new UsageError(t('cli.scaleInvalid', { value: String(opts.scale) }));
      const m = loadModel(modelFile, roundingOption(opts.rounding));
      const graph = buildGraph(m.analysis, m.analysis.model.name?.value ?? modelFile);
      const visible = visibleGraph(graph, new Set(opts.collapse ? graph.groups.filter((g) => g.kind === 'use').map((g) => g.id) : []));
      const encode = (text: string) => new TextEncoder().encode(text);
      if (opts.dot) writeOutputFile(opts.dot, encode(renderDot(visible)), '--dot');
      if (opts.svg || opts.png || outputs.length === 0) {
        const svg = renderSvg(await layoutGraph(visible), { standalone: true });
        if (opts.svg) writeOutputFile(opts.svg, encode(svg), '--svg');
        if (opts.png) writeOutputFile(opts.png, await toPng(svg, scale), '--png');
        if (outputs.length === 0) process.stdout.write(svg + '\n');
      }
      for (const f of outputs) process.stderr.write(`${t('cli.wrote', { file: f })}\n`);
      if (hasErrors(m.analysis)) process.exitCode = 1;
    });
}

/** The model file itself, or one output named twice, is never written. */
function refuseToOverwrite(modelFile: string, outputs: string[]): void {
  const real = (f: string) => {
    try {
      return realpathSync(f);
    } catch {
      return resolve(f); // not there yet
    }
  };
  const model = real(modelFile);
  const seen = new Set<string>();
  for (const f of outputs) {
    const p = real(f);
    if (p === model) throw new UsageError(t('cli.graphIsModel', { file: f }));
    if (seen.has(p)) throw new UsageError(t('cli.graphTwice', { file: f }));
    seen.add(p);
  }
}

async function toPng(svg: string, scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const w = Number(size?.[1] ?? 1);
  const h = Number(size?.[2] ?? 1);
  const zoom = Math.min(scale, MAX_SIDE / Math.max(w, h, 1), Math.sqrt(MAX_PIXELS / Math.max(w * h, 1)));
  const r = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans Mono' }, fitTo: { mode: 'zoom', value: zoom } });
  return r.render().asPng();
}
