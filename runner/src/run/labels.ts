// Class names for the output: the model's `labels` list, or a text file (one name a line) relative
// to the model file, inside the model's folder (files/contained.ts), regular and at most 16 MB.
import { t, type Model } from '../../../core/src/index';
import { LabelsError } from '../errors';
import { modelRelativePath } from '../files/contained';
import { FileRefused, readRegularFile } from '../files/readRegular';

export { LabelsError };

/** `roots`: folders besides the model's own that a model's `labels:` may name files in (the workspace). */
export function loadLabels(model: Model, modelFile: string, roots: readonly string[] = []): string[] | undefined {
  const v = model.labels?.value;
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v;
  let text: string;
  try {
    text = readRegularFile(modelRelativePath(modelFile, v, 'labels', roots), 'labels').toString('utf8');
  } catch (e) {
    if (e instanceof FileRefused) throw new LabelsError(t('runnerErrors.labelsFile', { message: e.message }));
    throw e;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
