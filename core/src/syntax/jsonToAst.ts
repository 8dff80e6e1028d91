// jsonc-parser → AstNode. Strict JSON: comments and trailing commas are syntax errors, as in any
// `.json` file; jsonc-parser recovers after errors, so the rest of the file is still checked.
import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import { tooDeepAt, tooDeepTree } from './depth';
import { shiftNode, type AstNode, type AstPair, type ParsedTree, type SyntaxProblem } from './ast';

export function parseJson(text: string): ParsedTree {
  const deep = tooDeepAt(text, false);
  if (deep >= 0) return tooDeepTree(deep, 0);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const problems: SyntaxProblem[] = firstOfEachRun(text, errors).map((e) => ({
    start: e.offset,
    end: e.offset + Math.max(e.length, 0),
    message: jsonMessage(printParseErrorCode(e.error)),
    severity: 'error',
  }));
  return { root: tree ? convert(tree) : null, problems };
}

/**
 * One mistake (a string left open, a missing comma) makes jsonc-parser report the next tokens too
 * while it recovers: an error on the same line as the one before it, or the line after, belongs to
 * it. The first of each such run is where the mistake is.
 */
function firstOfEachRun(text: string, errors: ParseError[]): ParseError[] {
  const kept: ParseError[] = [];
  let lastLine = -2;
  let line = 0;
  let at = 0;
  for (const e of [...errors].sort((a, b) => a.offset - b.offset)) {
    for (; at < e.offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    if (line > lastLine + 1) kept.push(e);
    lastLine = line;
  }
  return kept;
}

/** The mistakes people make while typing, said as what to do. */
const JSON_MESSAGES: Record<string, string> = {
  UnexpectedEndOfString: 'JSON: this string is not closed: add its closing `"`.',
  CommaExpected: 'JSON: a `,` is missing before this.',
  PropertyNameExpected: 'JSON: a key in quotes is expected here (such as `"type"`), or a `,` is one too many.',
  ValueExpected: 'JSON: a value is expected here.',
  CloseBraceExpected: 'JSON: a `}` is missing: an object is not closed.',
  CloseBracketExpected: 'JSON: a `]` is missing: a list is not closed.',
  ColonExpected: 'JSON: a `:` is missing after this key.',
};

function jsonMessage(code: string): string {
  if (JSON_MESSAGES[code]) return JSON_MESSAGES[code];
  // printParseErrorCode gives identifiers like "CommaExpected"; make them read as sentences.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON: ${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/**
 * Parses `text` as exactly one JSON value, placed at offset `base`; undefined if it is anything else
 * (an error, several values, surrounding text). Used to re-parse one edited layer.
 */
export function parseJsonValue(text: string, base: number): AstNode | undefined {
  if (tooDeepAt(text, false) >= 0) return undefined;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !tree || tree.offset !== 0 || tree.length !== text.length) return undefined;
  return shiftNode(convert(tree), base);
}

function convert(n: JNode): AstNode {
  const start = n.offset;
  const end = n.offset + n.length;
  switch (n.type) {
    case 'object': {
      const pairs: AstPair[] = [];
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = { kind: 'scalar' as const, value: typeof k.value === 'string' ? k.value : null, start: k.offset, end: k.offset + k.length };
        const value = v ? convert(v) : null;
        pairs.push({ key, value, start: prop.offset, end: prop.offset + prop.length });
      }
      return { kind: 'map', pairs, flow: true, start, end };
    }
    case 'array':
      return { kind: 'seq', items: (n.children ?? []).map(convert), flow: true, start, end };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: n.value as string | number | boolean, start, end };
    default:
      return { kind: 'scalar', value: null, start, end };
  }
}
