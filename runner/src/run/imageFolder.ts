// A dataset in torchvision's ImageFolder layout: one subfolder per class, named as the class, holding
// its images (at any depth below it). Class names are matched to the model's labels by name.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { imagesUnder } from '../files/imagePaths';
import { RunnerError } from '../errors';
import { t } from '../../../core/src/index';

export interface DatasetClass {
  name: string;
  /** The class's index among the model's labels (its output index). */
  label: number;
  images: string[];
}

export class DatasetError extends RunnerError {
  constructor(message: string) {
    super(message, true);
  }
}

/**
 * Most class folders an evaluation takes: the confusion matrix holds classes × (classes + 1) counts (2,000
 * classes: 4 million; ImageNet's 1,000 fit), and 100,000 folders would need 10^10.
 */
export const MAX_CLASSES = 2000;

/** At most this many names are listed in a message. */
const LISTED = 8;

function listed(names: string[]): string {
  return names.length > LISTED ? t('runnerErrors.listedMore', { names: names.slice(0, LISTED).join(', '), count: names.length }) : names.join(', ');
}

export function readImageFolder(dir: string, labels: readonly string[] | undefined, modelFile: string): DatasetClass[] {
  let subfolders: string[];
  try {
    subfolders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (e) {
    throw new DatasetError(t('runnerErrors.cannotReadFolder', { dir, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  if (subfolders.length === 0) throw new DatasetError(t('runnerErrors.noClassFolders', { dir }));
  if (subfolders.length > MAX_CLASSES) throw new DatasetError(t('runnerErrors.tooManyClasses', { dir, count: subfolders.length, max: MAX_CLASSES }));
  if (!labels?.length) throw new DatasetError(t('runnerErrors.noLabels', { file: modelFile }));
  const byName = new Map<string, number>();
  labels.forEach((l, i) => {
    if (!byName.has(l)) byName.set(l, i);
  });
  const unknown = subfolders.filter((s) => !byName.has(s));
  if (unknown.length) {
    const args = { dir, folders: listed(unknown.map((u) => `'${u}'`)), labels: listed(labels.map((l) => `'${l}'`)) };
    throw new DatasetError(t(unknown.length > 1 ? 'runnerErrors.unknownClasses' : 'runnerErrors.unknownClass', args));
  }
  const classes = subfolders.map((name) => ({ name, label: byName.get(name)!, images: imagesUnder(join(dir, name)) }));
  // Empty class folders only: figures of nothing (accuracy "–") with exit status 0 would look like a result.
  if (classes.every((c) => c.images.length === 0)) throw new DatasetError(t('runnerErrors.noDatasetImages', { dir }));
  return classes;
}
