// The order of images in the run QuickPick: the model's own folder first, then its subfolders, then the
// rest, each by path. Pure (no vscode), for tests.
import * as path from 'node:path';

export function orderImages(images: readonly string[], modelDir: string): string[] {
  const rank = (p: string) => (path.dirname(p) === modelDir ? 0 : p.startsWith(modelDir + path.sep) ? 1 : 2);
  return [...images].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
