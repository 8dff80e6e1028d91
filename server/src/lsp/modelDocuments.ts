// The open model documents: their text (TextDocuments, incremental sync) and, for each, one
// incremental ModelAnalyzer, so an edit reparses only the chunk it touched. An analysis is made on
// demand, once per document version and rounding setting, by whichever needs it first
// (diagnostics or a request).
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelAnalyzer, type Analysis } from '../../../core/src/index';
import { setLocale, type Locale, type Rounding } from '../../../core/src/index';
import type { SourceKind } from '../../../core/src/index';

const MODEL_FILE = /\.cnn\.(ya?ml|json)$/i;
const MODEL_LANGUAGES = new Set(['cnn-yaml', 'cnn-json']);

/** Model files by name, or by language (untitled buffers, editors with their own language ids). */
export function isModelDocument(doc: TextDocument): boolean {
  return MODEL_LANGUAGES.has(doc.languageId) || MODEL_FILE.test(doc.uri.replace(/[?#].*$/, ''));
}

export function sourceKindFor(doc: TextDocument): SourceKind {
  if (doc.languageId === 'cnn-json' || doc.languageId === 'json' || doc.languageId === 'jsonc') return 'json';
  if (doc.languageId === 'cnn-yaml' || doc.languageId === 'yaml') return 'yaml';
  return /\.json$/i.test(doc.uri.replace(/[?#].*$/, '')) ? 'json' : 'yaml';
}

interface Entry {
  analyzer: ModelAnalyzer;
  version: number;
  rounding: Rounding;
  locale: Locale;
  analysis?: Analysis;
  /** How long the last analysis took, in ms. */
  ms: number;
}

/** How long a request waits for the document version it names (edits are normally milliseconds behind). */
const VERSION_WAIT_MS = 2000;

export type AnalysisResult = { analysis: Analysis; doc: TextDocument } | { error: Error; doc: TextDocument };

export class ModelDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly roundingFor: (uri: string) => Rounding,
    private readonly localeFor: (uri: string) => Locale = () => 'en',
  ) {}

  /** The open model document at `uri`, if any. */
  get(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && isModelDocument(doc) ? doc : undefined;
  }

  /** The analysis of the document's current version (made now if it is not there yet). */
  analyze(doc: TextDocument): AnalysisResult {
    const rounding = this.roundingFor(doc.uri);
    const locale = this.localeFor(doc.uri);
    // The process speaks this document's language from here on: the request that asked for the
    // analysis renders its hovers, titles and lenses with the same words as the diagnostics.
    setLocale(locale);
    const kind = sourceKindFor(doc);
    let entry = this.entries.get(doc.uri);
    if (entry?.analysis && entry.version === doc.version && entry.rounding === rounding && entry.locale === locale && entry.analyzer.kind === kind) {
      return { analysis: entry.analysis, doc };
    }
    if (!entry || entry.analyzer.kind !== kind) {
      entry = { analyzer: new ModelAnalyzer(kind), version: -1, rounding, locale, ms: 0 };
      this.entries.set(doc.uri, entry);
    }
    const t0 = performance.now();
    try {
      entry.analysis = entry.analyzer.analyze({ text: doc.getText(), defaultRounding: rounding, locale });
    } catch (e) {
      // A core bug must not take the server down; start over with a fresh cache next time.
      this.entries.delete(doc.uri);
      return { error: e instanceof Error ? e : new Error(String(e)), doc };
    }
    entry.version = doc.version;
    entry.rounding = rounding;
    entry.locale = locale;
    entry.ms = performance.now() - t0;
    return { analysis: entry.analysis, doc };
  }


  /**
   * The open model document at `uri` once it has reached `version` (a client's request may overtake
   * the edits it was made after). Resolves on the document's own open or change event; a version that
   * never comes is given up after `waitMs`, with whatever is there.
   */
  atVersion(uri: string, version: number | undefined, waitMs = VERSION_WAIT_MS): Promise<TextDocument | undefined> {
    const now = this.get(uri);
    if (version === undefined || (now && now.version >= version)) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = () => {
        sub.dispose();
        clearTimeout(timer);
        resolve(this.get(uri));
      };
      const sub = this.documents.onDidChangeContent(({ document }) => {
        if (document.uri === uri && document.version >= version) done();
      });
      const timer = setTimeout(done, waitMs);
    });
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  all(): TextDocument[] {
    return this.documents.all().filter(isModelDocument);
  }
}
