// Scalars for the fast YAML path (fastYaml.ts): plain and quoted scalars on one line, read and
// resolved exactly as eemeli/yaml does with the YAML 1.2 core schema. Whatever is not plainly in
// that subset throws DECLINE, and the caller hands the text to eemeli/yaml instead.
import type { AstScalar, ScalarValue } from './ast';

/**
 * Thrown (never a real error) when the text is outside the subset the fast path handles. One Error,
 * made once: throwing it captures no new stack, and the caller knows it by identity.
 */
export const DECLINE = new Error('fastYaml: outside the subset handled (parseYamlFast falls back to eemeli/yaml)'); // dev-only: a signal, always caught

export function decline(): never {
  throw DECLINE;
}

/** Read position in the text; offsets in nodes are `pos + base`. */
export interface Cursor {
  readonly text: string;
  readonly base: number;
  pos: number;
}

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** `,[]{}`: they end plain scalars inside flow collections. */
export function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Space, line break or end of text (NaN): what makes `-`, `:` an indicator. */
export function isBlankOrEnd(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c !== c;
}

// Characters that cannot start a plain scalar, or that start one eemeli/yaml reports as an error:
// indicators, quotes (handled apart), `?` and `:` (complex keys: left to eemeli), reserved `@` and `` ` ``.
const BAD_PLAIN_START = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

function plainStartOk(t: string, p: number, flow: boolean): boolean {
  const c = t.charCodeAt(p);
  if (c === DASH) {
    const n = t.charCodeAt(p + 1);
    return !isBlankOrEnd(n) && !(flow && isFlowIndicator(n));
  }
  return !(c !== c || c === SPACE || c === LF || c === CR || BAD_PLAIN_START.has(c));
}

/** End of the plain scalar starting at `p` (trailing spaces excluded), as eemeli's lexer cuts it on one line. */
function plainEnd(t: string, p: number, flow: boolean): number {
  const len = t.length;
  let end = p;
  for (let i = p; i < len; i++) {
    const c = t.charCodeAt(i);
    if (c === COLON) {
      const n = t.charCodeAt(i + 1);
      if (isBlankOrEnd(n) || (flow && isFlowIndicator(n))) break;
      end = i + 1;
    } else if (c === SPACE) {
      if (t.charCodeAt(i + 1) === HASH) break;
    } else if (c === LF || c === CR || (flow && isFlowIndicator(c))) break;
    else end = i + 1;
  }
  return end;
}

/** Reads the scalar (plain, 'single' or "double" quoted) at cur.pos; cur.pos ends just past it. */
export function readScalar(cur: Cursor, flow: boolean): AstScalar {
  const t = cur.text;
  const p = cur.pos;
  const c = t.charCodeAt(p);
  let end: number;
  let value: ScalarValue;
  if (c === 34 /* " */) {
    end = doubleQuotedEnd(t, p);
    value = doubleQuotedValue(t, p + 1, end - 1);
  } else if (c === 39 /* ' */) {
    end = singleQuotedEnd(t, p);
    value = t.slice(p + 1, end - 1).replace(/''/g, "'");
  } else {
    if (!plainStartOk(t, p, flow)) decline();
    end = plainEnd(t, p, flow);
    const src = t.slice(p, end);
    // `<<` is a merge key; in a flow collection a `:` inside a plain scalar makes pairs by rules left to eemeli.
    if (src === '<<' || (flow && src.includes(':'))) decline();
    value = resolvePlain(src);
  }
  cur.pos = end;
  return { kind: 'scalar', value, start: p + cur.base, end: end + cur.base };
}

/** The scalar as a mapping key, as yamlToAst.ts makes it: its value as a string, or null. */
export function toKey(s: AstScalar): AstScalar {
  if (s.value === '<<') decline(); // merge key, whichever the quoting
  if (s.value !== null && typeof s.value !== 'string') s.value = String(s.value);
  return s;
}

function singleQuotedEnd(t: string, p: number): number {
  let i = p + 1;
  for (;;) {
    const q = t.indexOf("'", i);
    if (q < 0) decline();
    if (t.charCodeAt(q + 1) === 39) {
      i = q + 2;
      continue;
    }
    if (hasLineBreak(t, p, q)) decline(); // multi-line scalar
    return q + 1;
  }
}

function doubleQuotedEnd(t: string, p: number): number {
  let q = t.indexOf('"', p + 1);
  while (q >= 0) {
    let n = 0;
    while (t.charCodeAt(q - 1 - n) === 92 /* \ */) n++;
    if (n % 2 === 0) break;
    q = t.indexOf('"', q + 1);
  }
  if (q < 0 || hasLineBreak(t, p, q)) decline();
  return q + 1;
}

function hasLineBreak(t: string, from: number, to: number): boolean {
  const nl = t.indexOf('\n', from);
  return nl >= 0 && nl < to;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX = /^[0-9a-fA-F]+$/;

/** The text between the quotes at [from, to), escapes decoded as eemeli does; odd escapes decline. */
function doubleQuotedValue(t: string, from: number, to: number): string {
  let i = t.indexOf('\\', from);
  if (i < 0 || i >= to) return t.slice(from, to);
  let res = '';
  let done = from;
  while (i >= 0 && i < to) {
    res += t.slice(done, i);
    const e = t[i + 1]!;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      res += simple;
      done = i + 2;
    } else {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = t.slice(i + 2, i + 2 + n);
      if (n === 0 || i + 2 + n > to || !HEX.test(hex)) decline();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) decline();
      res += String.fromCodePoint(code);
      done = i + 2 + n;
    }
    i = t.indexOf('\\', done);
  }
  return res + t.slice(done, to);
}

// The YAML 1.2 core schema as eemeli/yaml tests it, in its order (yaml/dist/schema/core).
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a one-line plain scalar. */
export function resolvePlain(s: string): ScalarValue {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === DASH || c === 46 /* . */) {
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
    return s;
  }
  if (c === 110 || c === 78 || c === 126 /* n N ~ */) return NULL.test(s) ? null : s;
  if (c === 116 || c === 84 || c === 102 || c === 70 /* t T f F */) return BOOL.test(s) ? c === 116 || c === 84 : s;
  return s;
}
