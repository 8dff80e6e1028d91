// A name as it must be written where another name was: JSON strings in JSON; in YAML the quotes the
// old one had, or none where a plain scalar reads back as the same text (also inside `[...]`/`{...}`).
import type { SourceKind } from '../../../../core/src/index';

/** Letters, digits, `_`, `.`, `-`, starting with a letter or `_` (or `$` and one, a block parameter): plain in block and flow YAML alike. */
const PLAIN = /^\$?[\p{L}_][\p{L}\p{N}_.-]*$/u;
/** Plain words YAML (1.2, or 1.1 in older tools) reads as booleans or null. */
const KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

export function nameLiteral(name: string, old: string, kind: SourceKind): string {
  if (kind === 'json') return JSON.stringify(name);
  const q = old[0];
  if (q === "'") return `'${name.replace(/'/g, "''")}'`;
  if (q !== '"' && q !== '|' && q !== '>' && PLAIN.test(name) && !KEYWORD.test(name)) return name;
  return JSON.stringify(name);
}
