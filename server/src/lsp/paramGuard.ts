// Requests from another editor (or a fuzzer) may carry null or half-formed params. Every handler's
// params are checked here first, so a bad request gets InvalidParams (-32602) with a message that says
// what is missing, not InternalError (-32603) with a JavaScript TypeError. Handlers are registered with
// connection.onRequest itself: the library's onHover & co. read params.workDoneToken before any handler
// of ours could look at them.
import { ErrorCodes, ResponseError, type Connection, type ProtocolRequestType, type RequestHandler } from 'vscode-languageserver';
import { t } from '../../../core/src/index';

/** What a request's params hold besides `textDocument.uri`. */
export type Need = 'position' | 'range' | 'context' | 'newName';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isPosition(v: unknown): boolean {
  return isObject(v) && Number.isInteger(v['line']) && Number.isInteger(v['character']) && (v['line'] as number) >= 0 && (v['character'] as number) >= 0;
}

function isRange(v: unknown): boolean {
  return isObject(v) && isPosition(v['start']) && isPosition(v['end']);
}

/** Why the params do not fit, or undefined when they do. */
export function paramsProblem(p: unknown, needs: readonly Need[]): string | undefined {
  if (!isObject(p)) return t('lsp.paramsNotObject', { kind: p === null ? 'null' : typeof p });
  const td = p['textDocument'];
  if (!isObject(td) || typeof td['uri'] !== 'string') return t('lsp.uriNotString');
  for (const n of needs) {
    if (n === 'position' && !isPosition(p['position'])) return t('lsp.badPosition');
    if (n === 'range' && !isRange(p['range'])) return t('lsp.badRange');
    if (n === 'context' && !isObject(p['context'])) return t('lsp.badContext');
    if (n === 'newName' && typeof p['newName'] !== 'string') return t('lsp.badNewName');
  }
  return undefined;
}

/** Registers `handler` for a text-document request, answering InvalidParams for params that do not fit `needs`. */
export function onChecked<P, R, PR, E, RO>(connection: Connection, type: ProtocolRequestType<P, R, PR, E, RO>, needs: readonly Need[], handler: (p: P) => R | ResponseError<unknown>): void {
  const guarded = (p: P): R | ResponseError<unknown> => {
    const problem = paramsProblem(p, needs);
    if (problem) throw invalidParams(type.method, problem);
    return handler(p);
  };
  // A plain R (or a ResponseError) is a valid handler result; the library's conditional result type cannot see that for a generic R.
  connection.onRequest(type, guarded as unknown as RequestHandler<P, R, E>);
}

/** InvalidParams for a request whose own check failed. */
export function invalidParams(method: string, problem: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
}

/** Why the params of a CNN Shape request (`cnnShape/summary` & co.: `{uri, version?}`) do not fit, or undefined. */
export function ownParamsProblem(p: unknown): string | undefined {
  if (!isObject(p)) return t('lsp.paramsNotObject', { kind: p === null ? 'null' : Array.isArray(p) ? t('lsp.anArray') : typeof p });
  if (typeof p['uri'] !== 'string') return t('lsp.uriParamNotString');
  const v = p['version'];
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v))) return t('lsp.versionNotWhole');
  return undefined;
}

/** Why `cnnShape/explain`'s params do not fit ({uri, version?, position | layerIndex}), or undefined. */
export function explainParamsProblem(p: unknown): string | undefined {
  const common = ownParamsProblem(p);
  if (common !== undefined || !isObject(p)) return common;
  const hasPosition = p['position'] !== undefined;
  const index = p['layerIndex'];
  if (hasPosition && !isPosition(p['position'])) return t('lsp.badPosition');
  if (index !== undefined && !(Number.isInteger(index) && (index as number) >= 0)) return t('lsp.layerIndexNotWhole');
  if (!hasPosition && index === undefined) return t('lsp.needsPositionOrLayer');
  return undefined;
}
