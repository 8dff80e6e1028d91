// Paths written in a model file (`weights:`, `labels:`) are the model author's, not the user's: a model
// from elsewhere must not make the tools read /proc/self/environ or ~/.ssh and show it as labels. Such a
// path must stay inside the model's folder (or the workspace folder the editor passes), after resolving
// `..` and symbolic links on both sides. Paths given on the command line are the user's own and are not
// limited. The runner does not support untrusted workspaces (package.json declares
// capabilities.untrustedWorkspaces.supported = false): this check is a second line, not a sandbox.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { FileRefused } from './readRegular';
import { t } from '../../../core/src/index';

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * The absolute path of `written` (relative to the model's folder), or FileRefused when it leads outside
 * the model's folder and every extra root. A path that does not exist yet is returned as is (reading it
 * then says "no such file").
 */
export function modelRelativePath(modelFile: string, written: string, what: string, roots: readonly string[] = []): string {
  const folder = dirname(resolve(modelFile));
  const target = resolve(folder, written);
  const allowed = [folder, ...roots.map((r) => resolve(r))];
  const allowedReal = allowed.map(real);
  const lexicallyInside = allowed.some((r) => inside(r, target)) || allowedReal.some((r) => inside(r, target));
  if (!lexicallyInside) {
    throw new FileRefused(written, t('runnerErrors.outsideFolder', { key: what, folder }));
  }
  let targetReal: string;
  try {
    targetReal = realpathSync(target);
  } catch {
    return target;
  }
  if (!allowedReal.some((r) => inside(r, targetReal))) {
    throw new FileRefused(written, t('runnerErrors.outsideBySymlink', { key: what }));
  }
  return target;
}
