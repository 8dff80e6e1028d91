// The images a command line names: files as given, folders (every PNG/JPEG below, by name, sorted,
// symbolic links to folders not followed) and glob patterns the shell left alone (`'photos/**/*.jpg'`:
// `*`, `?`, `**`, `[...]`, `{a,b}`). Only names are listed here; nothing is read.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { t } from '../../../core/src/index';

export const IMAGE_EXTENSIONS = /\.(png|jpe?g)$/i;
/** Folders deeper than this below a named folder are not searched (a guard, not a feature). */
export const MAX_FOLDER_DEPTH = 32;

export interface ExpandedPaths {
  images: string[];
  /** Arguments that named nothing to run: a folder without images, a pattern matching no file. */
  problems: Array<{ path: string; error: string }>;
}

const GLOB_CHARS = /[*?[{]/;

export function expandImagePaths(args: readonly string[]): ExpandedPaths {
  const images: string[] = [];
  const problems: ExpandedPaths['problems'] = [];
  for (const arg of args) {
    const kind = statKind(arg);
    if (kind === 'dir') {
      const found = imagesUnder(arg);
      if (found.length) images.push(...found);
      else problems.push({ path: arg, error: t('runnerErrors.emptyFolder', { path: arg }) });
    } else if (kind === 'missing' && GLOB_CHARS.test(arg)) {
      const found = globImages(arg);
      if (found.length) images.push(...found);
      else problems.push({ path: arg, error: t('runnerErrors.noMatch', { path: arg }) });
    } else {
      // A file, or a missing one: the image reader says what is wrong with it.
      images.push(arg);
    }
  }
  return { images, problems };
}

function statKind(p: string): 'dir' | 'other' | 'missing' {
  try {
    return statSync(p).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Image files below `dir`, depth first in name order. */
export function imagesUnder(dir: string, depth = 0): string[] {
  const out: string[] = [];
  for (const e of entries(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_FOLDER_DEPTH) out.push(...imagesUnder(p, depth + 1));
    } else if (IMAGE_EXTENSIONS.test(e.name) && (e.isFile() || e.isSymbolicLink())) out.push(p);
  }
  return out;
}

/** Files matching a pattern, from its longest folder prefix without glob characters. */
export function globImages(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB_CHARS.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length ? fixed.join(sep) || sep : '.';
  const re = globRegExp(parts.join('/'));
  const out: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    for (const e of entries(dir)) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_FOLDER_DEPTH) walk(p, r, depth + 1);
      } else if (re.test(r) && IMAGE_EXTENSIONS.test(e.name)) out.push(p);
    }
  };
  walk(base, '', 0);
  return out;
}

/** A glob (with `/` between parts) as an anchored regular expression; `*` and `?` stay within a part. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` anything.
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  // An unclosed brace: its group ends with the pattern, so that the expression stays valid.
  re += ')'.repeat(braces);
  return new RegExp(`^${re}$`);
}
