// Lines of the generated file, at most 100 characters where the code allows: a call too long for
// one line gets one argument a line, a shape comment that does not fit goes on the line above.
export const MAX_LINE = 100;

/** Splits `s` at its top-level commas (outside brackets and strings). */
function topLevelArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out.filter((a) => a !== '');
}

/** The index of the bracket closing the one at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i;
  }
  return -1;
}

/** `code` at `indent` spaces, with an optional trailing comment, as one or more lines. */
export function codeLines(indent: number, code: string, comment?: string): string[] {
  const pad = ' '.repeat(indent);
  const tail = comment ? `  # ${comment}` : '';
  if (pad.length + code.length + tail.length <= MAX_LINE) return [pad + code + tail];
  const pre = comment ? [`${pad}# ${comment}`] : [];
  if (pad.length + code.length <= MAX_LINE) return [...pre, pad + code];
  // Break the last bracket that closes at the end of the line (a call, a list): one item a line.
  const trailing = /,?$/.exec(code)![0];
  const body = code.slice(0, code.length - trailing.length);
  const close = body.length - 1;
  let open = -1;
  for (let i = 0; i < close && open < 0; i++) if ('([{'.includes(body[i]!) && closing(body, i) === close) open = i;
  if (open < 0 || !')]}'.includes(body[close]!)) return [...pre, pad + code];
  const args = topLevelArgs(body.slice(open + 1, close));
  return [...pre, pad + body.slice(0, open + 1), ...args.flatMap((a) => codeLines(indent + 4, `${a},`)), `${pad}${body[close]!}${trailing}`];
}
