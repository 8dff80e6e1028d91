// The core's entry point: text in, model + shapes + diagnostics out. `ModelAnalyzer` keeps one
// document's parse cache so that re-analysis after an edit reparses only what changed.
import { groupBlockDiagnostics } from './diagnostics/blockDiagnostics';
import type { CoreDiagnostic } from './diagnostics/diagnostic';
import { readModel } from './model/readModel';
import type { Model, Rounding } from './model/types';
import { inferShapes, type LayerResult, type Totals } from './shape/infer';
import { DocumentParser, sourceKindOf, type SourceKind } from './syntax/documentParser';

export interface Analysis {
  text: string;
  kind: SourceKind;
  model: Model;
  layers: LayerResult[];
  diagnostics: CoreDiagnostic[];
  totals: Totals;
}

export interface AnalyzeOptions {
  /** The rounding of files without a `rounding:` key (the editor setting); the spec's default is strict. */
  defaultRounding?: Rounding;
}

export class ModelAnalyzer {
  private readonly parser = new DocumentParser();

  constructor(readonly kind: SourceKind) {}

  get parseStats() {
    return this.parser.lastStats;
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const tree = this.parser.parse(text, this.kind);
    const syntax: CoreDiagnostic[] = tree.problems.map((p) => ({
      severity: p.severity,
      code: 'syntax',
      message: p.message,
      span: { start: p.start, end: p.end },
    }));
    const { model, diagnostics: read } = readModel(tree.root, options.defaultRounding, tree.root === null && syntax.some((d) => d.severity === 'error'));
    const inferred = inferShapes(model);
    let diagnostics = [...syntax, ...read, ...inferred.diagnostics];
    if (model.blocks) diagnostics = groupBlockDiagnostics(model, diagnostics);
    diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    return { text, kind: this.kind, model, layers: inferred.layers, diagnostics, totals: inferred.totals };
  }
}

/** One-shot analysis of a file's text; `fileName` decides YAML or JSON. */
export function analyzeText(text: string, fileName: string, options: AnalyzeOptions = {}): Analysis {
  return new ModelAnalyzer(sourceKindOf(fileName)).analyze(text, options);
}

export function hasErrors(a: Analysis): boolean {
  return a.diagnostics.some((d) => d.severity === 'error');
}
