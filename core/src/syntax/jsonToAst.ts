// jsonc-parser → AstNode. Strict JSON: comments and trailing commas are syntax errors, as in any
// `.json` file; jsonc-parser recovers after errors, so the rest of the file is still checked.
import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import { tooDeepAt, tooDeepTree } from './depth';
import { shiftNode, type AstNode, type AstPair, type ParsedTree, type SyntaxProblem } from './ast';
import type { MessageId } from '../i18n/catalog';
import { t } from '../i18n/t';
import { own } from '../text/own';

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

/** jsonc-parser's error codes, said as what to do where people slip while typing. */
const JSON_MESSAGES: Readonly<Record<string, MessageId>> = {
  UnexpectedEndOfString: 'syntax.jsonUnclosedString',
  CommaExpected: 'syntax.jsonCommaExpected',
  PropertyNameExpected: 'syntax.jsonPropertyNameExpected',
  ValueExpected: 'syntax.jsonValueExpected',
  CloseBraceExpected: 'syntax.jsonCloseBraceExpected',
  CloseBracketExpected: 'syntax.jsonCloseBracketExpected',
  ColonExpected: 'syntax.jsonColonExpected',
  InvalidSymbol: 'syntax.jsonBadSymbol',
  InvalidNumberFormat: 'syntax.jsonBadNumber',
  EndOfFileExpected: 'syntax.jsonEndOfFileExpected',
  InvalidCommentToken: 'syntax.jsonComment',
  UnexpectedEndOfComment: 'syntax.jsonUnexpectedEndOfComment',
  UnexpectedEndOfNumber: 'syntax.jsonUnexpectedEndOfNumber',
  InvalidUnicode: 'syntax.jsonBadUnicode',
  InvalidEscapeCharacter: 'syntax.jsonBadEscape',
  InvalidCharacter: 'syntax.jsonBadCharacter',
};

function jsonMessage(code: string): string {
  const id = own(JSON_MESSAGES, code);
  if (id) return t(id);
  // A code added by a later jsonc-parser ("CommaExpected"-like identifiers): made to read as words.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return t('syntax.jsonOther', { words: `${words.charAt(0).toUpperCase()}${words.slice(1)}` });
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
