// The hover's arithmetic lines (ShapeResult.arithmetic) are whole messages, "width: {text}" in the
// current language; where width and height say the same, the hover writes them once as
// "width, height: {text}". The prefixes come from the catalogue, so this works in every language.
import { fillTemplate } from '../i18n/format';
import { t, template } from '../i18n/t';

const TEXT = '\u0000';

/** The text after a template's `{text}` when `line` was made from it, else undefined. */
function after(id: 'layerArithmetic.width' | 'layerArithmetic.height', line: string): string | undefined {
  const [before = '', rest = ''] = fillTemplate(template(id), { text: TEXT }).split(TEXT);
  return line.startsWith(before) && line.endsWith(rest) && line.length >= before.length + rest.length ? line.slice(before.length, line.length - rest.length) : undefined;
}

/** Width and height lines that say the same thing, written once ("width, height: …"). */
export function mergeAxisLines(lines: readonly string[]): string[] {
  const wi = lines.findIndex((l) => after('layerArithmetic.width', l) !== undefined);
  const hi = lines.findIndex((l) => after('layerArithmetic.height', l) !== undefined);
  if (wi < 0 || hi < 0) return [...lines];
  const w = after('layerArithmetic.width', lines[wi]!);
  if (w === undefined || w !== after('layerArithmetic.height', lines[hi]!)) return [...lines];
  return lines.flatMap((l, i) => (i === hi ? [] : i === wi ? [t('layerArithmetic.widthHeight', { text: w })] : [l]));
}
