// A small XML 1.0 well-formedness check for the SVG the graph writes (no new dependency): one root,
// tags balanced, attributes quoted and unique, no raw `<` or `&` outside markup, known entities only,
// no characters XML forbids. Returns the problems found (empty when well-formed).
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (FORBIDDEN.test(xml)) problems.push('a character XML forbids');
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const text = (s: string, where: number) => {
    for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', k + 1)) if (!ENTITY.test(s.slice(k))) problems.push(`bad entity at ${where + k}`);
    if (s.includes('<')) problems.push(`raw < at ${where}`);
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunk = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && chunk.trim() !== '') problems.push(`text outside the root at ${i}`);
    text(chunk, i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unclosed comment'];
      i = end + 3;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt < 0) return [...problems, `unclosed tag at ${lt}`];
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)([\s\S]*)$/.exec(body);
    if (!m || !NAME.test(m[1]!)) {
      problems.push(`bad tag name at ${lt}`);
      continue;
    }
    attributes(m[2]!, lt, problems, text);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(m[1]!);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The `>` that ends the tag at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let k = lt + 1; k < xml.length; k++) {
    const c = xml[k]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
    else if (c === '<') return -1;
  }
  return -1;
}

function attributes(s: string, at: number, problems: string[], text: (s: string, where: number) => void): void {
  const seen = new Set<string>();
  let rest = s.trim();
  while (rest) {
    const m = /^([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')\s*/.exec(rest);
    if (!m) {
      problems.push(`bad attribute near ${at}: ${rest.slice(0, 30)}`);
      return;
    }
    if (!NAME.test(m[1]!)) problems.push(`bad attribute name ${m[1]}`);
    if (seen.has(m[1]!)) problems.push(`attribute ${m[1]} twice`);
    seen.add(m[1]!);
    text(m[3] ?? m[4] ?? '', at);
    rest = rest.slice(m[0].length);
  }
}
