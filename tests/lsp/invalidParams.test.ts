// Requests with null or half-formed params: every handler answers InvalidParams (-32602) with a message
// that names the request and what is missing (was InternalError -32603 with a raw TypeError), and the
// server goes on serving.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-jsonrpc/node';

/** A raw JSON-RPC client: sends params exactly as given (vscode-jsonrpc's connection never sends `null`). */
class RawClient {
  private readonly proc: ChildProcess;
  private readonly writer: StreamMessageWriter;
  private readonly waiting = new Map<number, (m: Record<string, unknown>) => void>();
  private id = 0;

  constructor() {
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts', '--stdio'], { cwd: join(__dirname, '../..'), stdio: ['pipe', 'pipe', 'ignore'] });
    this.writer = new StreamMessageWriter(this.proc.stdin!);
    new StreamMessageReader(this.proc.stdout!).listen((m: Message) => {
      const r = m as unknown as Record<string, unknown>;
      if (typeof r['id'] === 'number' && !('method' in r)) this.waiting.get(r['id'])?.(r);
    });
  }

  request(method: string, params: unknown): Promise<Record<string, unknown>> {
    const id = ++this.id;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      void this.writer.write({ jsonrpc: '2.0', id, method, params } as unknown as Message);
    });
  }

  notify(method: string, params: unknown): void {
    void this.writer.write({ jsonrpc: '2.0', method, params } as unknown as Message);
  }

  stop(): void {
    this.proc.kill();
  }
}

let client: RawClient;
before(async () => {
  client = new RawClient();
  await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
  client.notify('initialized', {});
});
after(() => client.stop());

const URI = 'file:///work/params.cnn.yaml';
const DOC = { textDocument: { uri: URI } };
const POS = { line: 2, character: 6 };
const RANGE = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
const METHODS: Record<string, object> = {
  'textDocument/hover': { ...DOC, position: POS },
  'textDocument/completion': { ...DOC, position: POS },
  'textDocument/inlayHint': { ...DOC, range: RANGE },
  'textDocument/codeAction': { ...DOC, range: RANGE, context: { diagnostics: [] } },
  'textDocument/documentSymbol': DOC,
  'textDocument/foldingRange': DOC,
  'textDocument/codeLens': DOC,
  'textDocument/definition': { ...DOC, position: POS },
  'textDocument/references': { ...DOC, position: POS, context: { includeDeclaration: true } },
  'textDocument/documentHighlight': { ...DOC, position: POS },
  'textDocument/prepareRename': { ...DOC, position: POS },
  'textDocument/rename': { ...DOC, position: POS, newName: 'x' },
};
/** CNN Shape's own requests (params `{uri, version?}`): InvalidParams too, as docs/editors.md says. */
const OWN = ['cnnShape/summary', 'cnnShape/graph', 'cnnShape/exportPytorch'];

async function errorOf(method: string, params: unknown): Promise<{ code: number; message: string } | undefined> {
  const r = await client.request(method, params);
  return r['error'] as { code: number; message: string } | undefined;
}

test('null params: InvalidParams with a clear message, for every request', async () => {
  client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'cnn-yaml', version: 1, text: 'input: 8x8x3\nlayers:\n  - relu\n' } });
  for (const method of Object.keys(METHODS)) {
    const e = await errorOf(method, null);
    assert.ok(e, `${method} answered`);
    assert.equal(e.code, -32602, `${method}: ${e.message}`);
    assert.ok(e.message.startsWith(`${method}: `), e.message);
    assert.doesNotMatch(e.message, /Cannot read|undefined|TypeError/);
  }
  for (const method of OWN) {
    const e = await errorOf(method, null);
    assert.ok(e, `${method} answered an error`);
    assert.equal(e.code, -32602, `${method}: ${e.message}`);
    assert.equal(e.message, `${method}: params must be an object, not null`);
  }
});

test("CNN Shape's own requests: generated garbage params get InvalidParams naming the field; a well-formed one is answered", async () => {
  const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.double(), fc.object());
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...OWN), fc.constantFrom('params', 'uri', 'version'), junk, async (method, where, value) => {
      const params = where === 'params' ? value : where === 'uri' ? { uri: value } : { uri: URI, version: value };
      // Only values that really are wrong: a string uri, or a missing / whole-number version, is fine.
      fc.pre(!(where === 'uri' && typeof value === 'string') && !(where === 'version' && (value === undefined || Number.isInteger(value))));
      const e = await errorOf(method, params);
      assert.ok(e, `${method} ${JSON.stringify(params)} answered without an error`);
      assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}: ${e.message}`);
      assert.match(e.message, new RegExp(`^${method}: params(\\.uri|\\.version)? must be `));
    }),
    { numRuns: 90 },
  );
  for (const method of OWN) {
    const r = await client.request(method, { uri: URI });
    assert.equal(r['error'], undefined, method);
    assert.equal((r['result'] as { uri?: string } | null)?.uri, URI, method);
    assert.equal((await client.request(method, { uri: 'file:///not-open.cnn.yaml' }))['result'], null, method);
  }
});

test('generated broken params: InvalidParams or an answer, never an internal error; the server lives on', async () => {
  const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.constant([]), fc.constant({}), fc.constant({ line: -1, character: 0 }), fc.constant({ line: 0.5, character: 0 }));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...Object.keys(METHODS)), fc.constantFrom('textDocument', 'position', 'range', 'context', 'uri', 'newName'), junk, async (method, key, value) => {
      const params = structuredClone(METHODS[method]) as Record<string, unknown>;
      if (key === 'uri' && params['textDocument']) params['textDocument'] = { uri: value };
      else params[key] = value;
      const e = await errorOf(method, params);
      // InvalidParams, or a rename refused where nothing can be renamed (RequestFailed): never InternalError.
      if (e) assert.ok(e.code === -32602 || e.code === -32803, `${method} ${JSON.stringify(params)}: ${e.code} ${e.message}`);
    }),
    { numRuns: 120 },
  );
  // Well-formed requests are still answered.
  const h = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 5 } });
  assert.match(JSON.stringify(h['result']), /relu/);
  for (const [method, params] of Object.entries(METHODS)) {
    const e = await errorOf(method, params);
    assert.ok(e === undefined || e.code === -32803, `${method}: ${e?.message}`);
  }
});
