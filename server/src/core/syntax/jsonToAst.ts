// jsonc-parser → AstNode. Strict JSON: comments and trailing commas are syntax errors, as in any
// `.json` file; jsonc-parser recovers after errors, so the rest of the file is still checked.
import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import type { AstNode, AstPair, ParsedTree, SyntaxProblem } from './ast';

export function parseJson(text: string): ParsedTree {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const problems: SyntaxProblem[] = errors.map((e) => ({
    start: e.offset,
    end: e.offset + Math.max(e.length, 0),
    message: jsonMessage(printParseErrorCode(e.error)),
    severity: 'error',
  }));
  return { root: tree ? convert(tree) : null, problems };
}

function jsonMessage(code: string): string {
  // printParseErrorCode gives identifiers like "CommaExpected"; make them read as sentences.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON: ${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
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
