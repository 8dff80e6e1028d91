// The answer to `cnnShape/summary`: the core's summary of a document's analysis, with the positions an
// editor needs to go to a layer or to the first error. Editors show it without analysing themselves.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { summarize, type Analysis, type Rounding } from '../../../core/src/index';
import type { SummaryResult } from '../lsp/customRequests';
import { toRange } from './ranges';

export function modelSummary(analysis: Analysis, doc: TextDocument, defaultRounding: Rounding): SummaryResult {
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  return {
    uri: doc.uri,
    version: doc.version,
    defaultRounding,
    summary: summarize(analysis, analysis.model.name?.value ?? fileTitle(doc.uri)),
    layerRanges: analysis.model.layers.map((l) => toRange(doc, l.typeSpan)),
    firstError: firstError ? { message: firstError.message, range: toRange(doc, firstError.span) } : null,
  };
}

/** For models without a `name:`: the file name without `.cnn.yaml` (or `.cnn.yml`, `.cnn.json`). */
export function fileTitle(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  let base = last;
  try {
    base = decodeURIComponent(last);
  } catch {
    // A malformed escape: show the name as it is written.
  }
  return base.replace(/\.cnn\.(ya?ml|json)$/i, '') || base || 'model';
}
