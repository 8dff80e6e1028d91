// Refusing to build a model that the checker finds wrong: the errors, one a line, with 1-based line
// numbers as a compiler prints them (positions from TextDocument, never counted by hand).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Analysis } from '../../../core/src/index';
import { ModelError } from '../errors';

export { ModelError };

export function errorLines(analysis: Analysis, fileName: string): string[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [];
  const doc = TextDocument.create(fileName, analysis.kind === 'json' ? 'cnn-json' : 'cnn-yaml', 0, analysis.text);
  return errors.map((d) => {
    const p = doc.positionAt(d.span.start);
    return `${fileName}:${p.line + 1}:${p.character + 1}: error: ${d.message} [${d.code}]`;
  });
}

/** Throws a ModelError listing every error of the analysis, if there is any. */
export function refuseErrors(analysis: Analysis, fileName: string): void {
  const lines = errorLines(analysis, fileName);
  if (lines.length) {
    const list = lines.join('\n');
    throw new ModelError(lines.length > 1 ? t('runnerErrors.hasErrors', { file: fileName, count: lines.length, lines: list }) : t('runnerErrors.hasError', { file: fileName, lines: list }));
  }
}
