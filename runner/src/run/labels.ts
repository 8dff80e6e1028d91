// Class names for the output: the model's `labels` list, or a text file (one name a line) relative
// to the model file.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Model } from '../../../core/src/index';
import { LabelsError } from '../errors';

export { LabelsError };

const MAX_LABEL_FILE = 16 * 1024 * 1024;

export function loadLabels(model: Model, modelFile: string): string[] | undefined {
  const v = model.labels?.value;
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v;
  const file = resolve(dirname(modelFile), v);
  let text: string;
  try {
    if (statSync(file).size > MAX_LABEL_FILE) throw new LabelsError(`${file}: too large for a labels file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof LabelsError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new LabelsError(`labels file ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
