// Brackets nested thousands deep overflow the parsers' recursion (jsonc-parser throws, eemeli/yaml
// reports a stack overflow). No model file nests more than a few levels, so past a limit the text is
// not parsed at all and one clear error is given at the bracket that went too deep.
import type { ParsedTree } from './ast';
import { t } from '../i18n/t';

export const MAX_NESTING = 200;

/** Offset of the first `[` or `{` nested deeper than MAX_NESTING, outside strings and comments; -1 if none. */
export function tooDeepAt(text: string, yaml: boolean): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    } else if (c === 34 /* " */) {
      // A double-quoted string: skip to its closing quote (backslash escapes), or to the line's end.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
    } else if (yaml && c === 39 /* ' */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 39 && text.charCodeAt(i) !== 10; i++);
    } else if (yaml && c === 35 /* # */) {
      for (; i < text.length && text.charCodeAt(i) !== 10; i++);
    }
  }
  return -1;
}

/** The tree of a text nested too deeply to parse: no nodes, one error. */
export function tooDeepTree(at: number, base: number): ParsedTree {
  return {
    root: null,
    problems: [{ start: base + at, end: base + at + 1, severity: 'error', message: t('syntax.tooDeep', { max: MAX_NESTING }) }],
  };
}
