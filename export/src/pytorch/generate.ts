// A model → a readable PyTorch file: one nn.Module for the network whose state_dict() keys and
// shapes are the format's weight keys and whose forward() computes what the runner computes, and one
// class per format-v2 block (modules.ts). Layer code comes from layers.ts (one entry per type), module
// placement from structure.ts, each module's lines from body.ts.
import type { Analysis, InlineTensor, LayerResult, Shape } from '../../../core/src/index';
import { expectedParameters, isLayerType, shapeLabel } from '../../../core/src/index';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { moduleBody } from './body';
import { HELPERS, type HelperName } from './helpers';
import { pyLayer, type PyLayer } from './layers';
import { blockClasses, renderClass } from './modules';
import { className, commentText, pyNumber, wrapWords } from './python';
import { docstring } from './format';
import { buildScope, type GlobalLayer } from './scope';
import { ExportError } from './structure';
import { preludeLines } from './prelude';

export { ExportError };

export interface PytorchExportOptions {
  /** Shown in the file's docstring and in messages. */
  fileName: string;
  /** The class names, when `labels:` is a file (read by the caller); a list in the model is used as is. */
  labels?: string[];
}

type Rank = 'map' | 'vector';

/** The Python source of the network in `analysis`; throws ExportError where the model has errors. */
export function exportPytorch(analysis: Analysis, opts: PytorchExportOptions): string {
  const errors = errorLines(analysis, opts.fileName);
  if (errors.length) throw new ExportError(`${opts.fileName} has errors; fix them before exporting:\n${errors.join('\n')}`);
  const input = analysis.model.input?.value;
  if (!input || analysis.layers.length === 0) throw new ExportError(`${opts.fileName}: the model has no input or no layers`);
  const ranks = new Map<number, Rank>([[-1, 'map']]);
  const explicit = differingValues(analysis);
  const placed = analysis.layers.map((r) => place(analysis, r, ranks, opts.fileName, explicit));
  const helpers = new Set<HelperName>(placed.flatMap((l) => l.py.helpers ?? []));
  const name = className(analysis.model.name?.value ?? opts.fileName.replace(/^.*[\\/]/, '').replace(/\.cnn\.(ya?ml|json)$/i, ''));
  const inline = inlineParameters(analysis);
  const rankOf = (i: number) => ranks.get(i) ?? 'map';
  const blocks = blockClasses(analysis, placed, rankOf, new Set([name, ...Object.keys(HELPERS)]));
  const cls = networkClass(analysis, name, moduleBody(buildScope(blocks.context), rankOf, ['x'], 'x_in'), inline.length > 0, blocks.inlined);
  const body = [...[...helpers].sort().map((h) => HELPERS[h]), ...blocks.texts, cls].join('\n\n\n');
  const prelude = preludeLines(analysis, opts, inline, body);
  return `${[...prelude, body].join('\n')}\n`;
}

/** The analysis' errors as a compiler prints them (1-based line and column). */
function errorLines(analysis: Analysis, fileName: string): string[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [];
  const doc = TextDocument.create(fileName, 'cnn', 0, analysis.text);
  return errors.map((d) => {
    const p = doc.positionAt(d.span.start);
    return `${fileName}:${p.line + 1}:${p.character + 1}: error: ${d.message} [${d.code}]`;
  });
}

/** Inside blocks: per definition and layer, the parameters whose values differ between its copies. */
function differingValues(analysis: Analysis): Map<string, Set<string>> {
  const seen = new Map<string, Record<string, unknown>>();
  const out = new Map<string, Set<string>>();
  for (const r of analysis.layers) {
    const b = r.decl.block;
    if (!b) continue;
    const key = `${b.definition}\u0000${r.decl.blockLayer ?? -1}`;
    const before = seen.get(key);
    if (!before) {
      seen.set(key, r.decl.values);
      continue;
    }
    for (const [k, v] of Object.entries(r.decl.values)) {
      if (JSON.stringify(v) !== JSON.stringify(before[k])) out.set(key, (out.get(key) ?? new Set<string>()).add(k));
    }
  }
  return out;
}

function place(analysis: Analysis, r: LayerResult, ranks: Map<number, Rank>, fileName: string, explicit: Map<string, Set<string>>): GlobalLayer {
  const d = r.decl;
  const input = r.inputShapes[0];
  if (!input || !r.output || !isLayerType(d.type)) throw new ExportError(`${fileName}: layer ${d.index} (${d.type}) has no computed shape`);
  const rounding = d.rounding?.value ?? analysis.model.rounding.value;
  const differing = d.block ? explicit.get(`${d.block.definition}\u0000${d.blockLayer ?? -1}`) : undefined;
  const io = { input, inputs: r.inputShapes.filter((s): s is Shape => s !== null), output: r.output, rounding };
  const py = pyLayer(d.type, d.values, differing ? { ...io, explicit: differing } : io);
  const inRanks = r.sources.map((s) => ranks.get(s) ?? 'map');
  const want = wantedRank(py, inRanks);
  ranks.set(d.index, py.gives === 'same' ? want : py.gives);
  return {
    index: d.index,
    key: d.id,
    named: d.name !== undefined,
    type: d.type,
    py,
    weighted: Object.keys(expectedParameters(d, input)).length > 0,
    sources: r.sources,
    consumers: r.consumers,
    glue: inRanks.some((k) => k !== want),
    want,
  };
}

/** The rank the layer's inputs are converted to: its own, or for 'any' the common one (a map if they differ). */
function wantedRank(py: PyLayer, inRanks: Rank[]): Rank {
  if (py.takes !== 'any') return py.takes;
  return inRanks.every((k) => k === 'vector') ? 'vector' : 'map';
}

function networkClass(analysis: Analysis, name: string, body: ReturnType<typeof moduleBody>, inline: boolean, inlined: string[]): string {
  const input = analysis.model.input!.value;
  const last = analysis.layers[analysis.layers.length - 1]!;
  const title = commentText(analysis.model.name?.value ?? name);
  const doc = docstring(4, `${title}: ${shapeLabel(input)} → ${last.output ? shapeLabel(last.output) : '?'} (width × height × depth).`);
  const loadInline = inline
    ? ['', '        with torch.no_grad():  # the weights written in the model file',
       '            for key, (shape, values) in INLINE_PARAMETERS.items():',
       '                self.state_dict()[key].copy_(torch.tensor(values).reshape(shape))']
    : [];
  const notes = inlined.flatMap((t) => wrapWords(t, 96).map((l) => `# ${l}`));
  return [...notes, renderClass(name, body, doc, [], loadInline)].join('\n');
}


/** Inline `parameters:` of every layer: [state_dict key, shape, values]. */
export function inlineParameters(analysis: Analysis): Array<[string, number[], number[]]> {
  const out: Array<[string, number[], number[]]> = [];
  for (const r of analysis.layers) {
    const values = r.decl.inlineParameters?.values;
    if (!values) continue;
    for (const [key, v] of values) {
      const t = v.value as InlineTensor | string;
      if (typeof t !== 'object' || !Array.isArray(t.data)) continue;
      out.push([`${r.decl.id}.${key}`, t.shape, Array.from(t.data)]);
    }
  }
  return out;
}

export { pyNumber };
