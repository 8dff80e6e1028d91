// Core diagnostics → LSP diagnostics: same codes, severities and messages; `related` becomes
// relatedInformation in the same document (the layer that produced a mismatching shape), and an
// unused layer is tagged so editors fade it.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../core/src/index';
import type { CoreDiagnostic, Severity } from '../../../core/src/index';
import { toRange } from './ranges';

export const SOURCE = 'cnn-shape';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

export function toLspDiagnostic(d: CoreDiagnostic, doc: TextDocument): Diagnostic {
  const out: Diagnostic = {
    range: toRange(doc, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message }),
    );
  }
  if (d.tags?.length) out.tags = d.tags.map((t) => TAG[t]);
  return out;
}

export function validation(analysis: Analysis, doc: TextDocument): Diagnostic[] {
  return analysis.diagnostics.map((d) => toLspDiagnostic(d, doc));
}
