// Replacing a scalar keeps how it was written: a JSON string or a quoted YAML scalar stays quoted.
import type { Span } from '../../../../core/src/index';
import type { OffsetEdit } from './offsetEdit';

export function replaceScalar(text: string, span: Span, value: string): OffsetEdit {
  const first = text[span.start];
  let newText = value;
  if (first === '"') newText = JSON.stringify(value);
  else if (first === "'") newText = `'${value.replace(/'/g, "''")}'`;
  return { start: span.start, end: span.end, newText };
}
