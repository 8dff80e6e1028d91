// The core's one analysis entry point: text in, model + shapes + diagnostics out. Every consumer
// (editor server, CLI, runner, benches, tests) calls `analyze` with the same explicit options, so a
// setting such as the default rounding cannot be forgotten on one path. `ModelAnalyzer` is the same
// analysis for one document over its versions: it keeps the parse cache, so re-analysis after an edit
// reparses only what changed (the language server's use).
import { groupBlockDiagnostics } from './diagnostics/blockDiagnostics';
import type { CoreDiagnostic } from './diagnostics/diagnostic';
import { readModel } from './model/readModel';
import type { Model, Rounding } from './model/types';
import { inferShapes, type LayerResult, type Totals } from './shape/infer';
import { DocumentParser, sourceKindOf, type SourceKind } from './syntax/documentParser';
import { isTooLarge, tooLargeMessage } from './syntax/sizeLimit';
import { MISSING_COLON_PREFIX } from './syntax/yamlToAst';
import type { Locale } from './i18n/locale';
import { getLocale, withLocale } from './i18n/t';

export interface Analysis {
  text: string;
  kind: SourceKind;
  model: Model;
  layers: LayerResult[];
  diagnostics: CoreDiagnostic[];
  totals: Totals;
}

/** What one version of a document is analysed with. */
export interface AnalysisInput {
  /** The model text (UTF-16 offsets in the result are offsets into this string). */
  text: string;
  /** The rounding of files without a `rounding:` key (the user's setting); the spec's default is strict. */
  defaultRounding?: Rounding;
  /** The language of the messages; the process's language (`setLocale`) when left out. */
  locale?: Locale;
}

/** `analyze`'s options: the text and its settings, and either the file name or the syntax. */
export type AnalyzeOptions = AnalysisInput & ({ fileName: string; kind?: never } | { kind: SourceKind; fileName?: never });

/** One-shot analysis. The syntax is `kind`, or else the file name's extension (`.json` or YAML). */
export function analyze(options: AnalyzeOptions): Analysis {
  const kind = options.kind ?? sourceKindOf(options.fileName ?? '');
  return new ModelAnalyzer(kind).analyze(options);
}

export class ModelAnalyzer {
  private parser = new DocumentParser();
  /** The language the parse cache's messages are in: another language starts the cache over. */
  private parserLocale: Locale | undefined;

  constructor(readonly kind: SourceKind) {}

  get parseStats() {
    return this.parser.lastStats;
  }

  /** Analyses the next version of this analyzer's document; the options are `analyze`'s, without the syntax. */
  analyze({ text, defaultRounding, locale }: AnalysisInput): Analysis {
    const language = locale ?? getLocale();
    if (this.parserLocale !== language) {
      this.parser = new DocumentParser();
      this.parserLocale = language;
    }
    return withLocale(language, () => this.analyzeIn(text, defaultRounding));
  }

  private analyzeIn(text: string, defaultRounding: Rounding | undefined): Analysis {
    if (isTooLarge(text)) return this.refuse(text, defaultRounding);
    const tree = this.parser.parse(text, this.kind);
    const syntax: CoreDiagnostic[] = tree.problems.map((p) => ({
      severity: p.severity,
      code: 'syntax',
      message: p.message,
      span: { start: p.start, end: p.end },
    }));
    const { model, diagnostics: read } = readModel(tree.root, defaultRounding, tree.root === null && syntax.some((d) => d.severity === 'error'));
    const inferred = inferShapes(model);
    let diagnostics = [...syntax, ...dropFollowOns(syntax, model, [...read, ...inferred.diagnostics])];
    if (model.blocks) diagnostics = groupBlockDiagnostics(model, diagnostics);
    diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    return { text, kind: this.kind, model, layers: inferred.layers, diagnostics, totals: inferred.totals };
  }

  /** A text over the size limit: an empty model and one error, and nothing of it kept. */
  private refuse(text: string, defaultRounding: Rounding | undefined): Analysis {
    this.parser = new DocumentParser();
    const { model } = readModel(null, defaultRounding, true);
    const inferred = inferShapes(model);
    const diagnostics: CoreDiagnostic[] = [{ severity: 'error', code: 'out-of-range', message: tooLargeMessage(), span: { start: 0, end: 0 } }];
    return { text, kind: this.kind, model, layers: inferred.layers, diagnostics, totals: inferred.totals };
  }
}

/**
 * A missing `:` garbles its layer (or the key it is on): the reader's complaints about that layer
 * or key only repeat the syntax error, so they are left out.
 */
function dropFollowOns(syntax: CoreDiagnostic[], model: Model, rest: CoreDiagnostic[]): CoreDiagnostic[] {
  // Text cut short by a syntax error (`"con` in a half-typed JSON string) is not judged as a value too.
  const starts = new Set(syntax.filter((d) => d.severity === 'error').map((d) => d.span.start));
  if (starts.size) rest = rest.filter((d) => !starts.has(d.span.start));
  const colons = syntax.filter((d) => d.message.startsWith(MISSING_COLON_PREFIX));
  if (colons.length === 0) return rest;
  const layers = new Set<number>();
  for (const c of colons) for (const l of model.layers) if (l.span.start <= c.span.start && c.span.start <= l.span.end) layers.add(l.index);
  // A `layers` or `input` key without its colon reads as missing as well: the same mistake.
  return rest.filter((d) => d.code !== 'missing-key' && !(d.layerIndex !== undefined && layers.has(d.layerIndex)) && !colons.some((c) => d.span.start === c.span.start));
}

export function hasErrors(a: Analysis): boolean {
  return a.diagnostics.some((d) => d.severity === 'error');
}
