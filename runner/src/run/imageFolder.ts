// A dataset in torchvision's ImageFolder layout: one subfolder per class, named as the class, holding
// its images (at any depth below it). Class names are matched to the model's labels by name.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { imagesUnder } from '../files/imagePaths';
import { RunnerError } from '../errors';

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

/** At most this many names are listed in a message. */
const LISTED = 8;

function listed(names: string[]): string {
  return names.length > LISTED ? `${names.slice(0, LISTED).join(', ')}, … (${names.length} in all)` : names.join(', ');
}

export function readImageFolder(dir: string, labels: readonly string[] | undefined, modelFile: string): DatasetClass[] {
  let subfolders: string[];
  try {
    subfolders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (e) {
    throw new DatasetError(`${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (subfolders.length === 0) throw new DatasetError(`${dir}: no class folders (the ImageFolder layout has one subfolder per class, named as the class)`);
  if (!labels?.length) throw new DatasetError(`${modelFile}: the model has no labels, so the class folders cannot be matched to its outputs (add \`labels:\`)`);
  const byName = new Map<string, number>();
  labels.forEach((l, i) => {
    if (!byName.has(l)) byName.set(l, i);
  });
  const unknown = subfolders.filter((s) => !byName.has(s));
  if (unknown.length) {
    throw new DatasetError(`${dir}: class folder${unknown.length > 1 ? 's' : ''} ${listed(unknown.map((u) => `'${u}'`))} ${unknown.length > 1 ? 'are' : 'is'} not among the model's labels (${listed(labels.map((l) => `'${l}'`))})`);
  }
  return subfolders.map((name) => ({ name, label: byName.get(name)!, images: imagesUnder(join(dir, name)) }));
}
