// Hostile language-server cases: the same files and numbers through the editor's requests (hover,
// code actions, inlay hints, code lenses, cnnShape/explain and the other custom requests), a 52 MB
// change, garbage params. After each, the server must still answer a fresh document.
import { Lsp } from './lsp.mjs';
import { aliasBomb, mergeChain, EVIL } from './fixtures.mjs';

const STACK = /\n\s+at [^\n]*:\d+:\d+|TypeError|ReferenceError|Cannot read prop/;

/** A case run against a fresh server; `body(lsp, problems)` sends its requests and notes problems. */
function lsp(name, body, { maxMs = 10_000, maxRssMb = 500, locale = 'en' } = {}) {
  return {
    name,
    async run() {
      const started = Date.now();
      const server = new Lsp({ locale, killMb: maxRssMb * 3 });
      const problems = [];
      try {
        await server.initialize();
        await body(server, problems);
        const dead = await server.stillAnswers();
        if (dead) problems.push(dead);
      } catch (e) {
        problems.push(`client error: ${String(e?.message ?? e).slice(0, 120)}`);
      }
      const ms = Date.now() - started;
      const { rssMb } = await server.close();
      if (server.killed) problems.push(`killed (${server.killed})`);
      if (ms > maxMs) problems.push(`${ms} ms > ${maxMs} ms`);
      if (rssMb > maxRssMb) problems.push(`${rssMb.toFixed(0)} MB > ${maxRssMb} MB`);
      if (STACK.test(server.stderr)) problems.push(`stderr: ${JSON.stringify(server.stderr.slice(0, 120))}`);
      return { r: { ms, rssMb, code: 0 }, problems };
    },
  };
}

const U = 'file:///hostile/m.cnn.yaml';

/** Every position-based request at every line of `text`, each bounded in time; no answer may be an internal error. */
async function everyRequest(s, text, problems, { perRequestMs = 3000, uri = U } = {}) {
  const lines = text.split(/\r\n|\r|\n/);
  const end = { line: lines.length, character: 0 };
  const ask = async (method, params) => {
    const r = await s.request(method, params, perRequestMs);
    if (r.timeout) problems.push(`${method} timed out`);
    else if (r.error) problems.push(`${method}: ${r.error.code} ${r.error.message.slice(0, 80)}`);
    else if (r.ms > perRequestMs) problems.push(`${method} took ${r.ms} ms`);
    return r.result;
  };
  const td = { uri };
  await ask('textDocument/inlayHint', { textDocument: td, range: { start: { line: 0, character: 0 }, end } });
  await ask('textDocument/codeLens', { textDocument: td });
  await ask('textDocument/documentSymbol', { textDocument: td });
  await ask('textDocument/foldingRange', { textDocument: td });
  await ask('cnnShape/summary', { uri });
  await ask('cnnShape/graph', { uri });
  await ask('cnnShape/exportPytorch', { uri });
  const hovers = [];
  for (let line = 0; line < Math.min(lines.length, 40); line++) {
    for (const character of [0, 4, 12, 20, 30]) {
      const position = { line, character };
      hovers.push(await ask('textDocument/hover', { textDocument: td, position }));
      await ask('textDocument/codeAction', { textDocument: td, range: { start: position, end: position }, context: { diagnostics: [] } });
      await ask('cnnShape/explain', { uri, position });
      await ask('textDocument/completion', { textDocument: td, position });
    }
  }
  for (let i = 0; i < 5; i++) await ask('cnnShape/explain', { uri, layerIndex: i });
  // Quick fixes for the diagnostics themselves.
  const d = s.published.filter((p) => p.uri === uri).pop();
  for (const diag of d?.diagnostics.slice(0, 10) ?? []) await ask('textDocument/codeAction', { textDocument: td, range: diag.range, context: { diagnostics: [diag] } });
  return hovers;
}

async function openAndWait(s, text, problems, ms = 8000, uri = U) {
  await s.open(uri, text);
  const d = await s.diagnostics(uri, 1, ms);
  if (!d) problems.push(`no diagnostics within ${ms} ms`);
  return d;
}

const STRIDE = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 2147483647}\n  - {type: maxpool, kernel: 2, stride: 2147483647}\n  - flatten\n  - {type: dense, units: 2}\n';
const PADDING = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3, padding: 200000000}\n  - {type: avgpool, kernel: 3, stride: 2, padding: 200000000}\n';
const HUGE_WIDTH = 'input: 1099511627776x1099511627776x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 2}\n  - {type: maxpool, kernel: 3, stride: 3}\n';
const HUGE_KERNEL = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 1000000000, stride: 7, padding: 499999999}\n  - {type: conv, filters: 1000000000, kernel: 3, dilation: 1000000000}\n';
const HUGE_DENSE = 'input: 1000000x1000000x1000\nlayers:\n  - flatten\n  - {type: dense, units: 1000000000}\n  - {type: dense, units: 3}\n';
const bomb = (top) => {
  const b = aliasBomb();
  return `${b.defs}\ninput: 8x8x1\n${top.replace('TOP', b.top)}`;
};

export const LSP_CASES = [
  ...[['layers', 'layers: TOP\n'], ['parameters', 'layers:\n  - {type: conv, filters: 1, kernel: 1, parameters: {weight: TOP}}\n'], ['labels', 'labels: TOP\nlayers: [relu]\n'], ['unused', 'x: TOP\nlayers: [relu]\n']].map(([w, top]) =>
    lsp(`lsp-alias-bomb-${w}`, async (s, problems) => {
      const d = await openAndWait(s, bomb(top), problems);
      if (d && !d.diagnostics.some((x) => x.code === 'syntax')) problems.push('no syntax diagnostic');
      await everyRequest(s, bomb(top), problems);
    }),
  ),
  lsp('lsp-merge-chain', async (s, problems) => {
    const text = `${mergeChain()}\ninput: 8x8x1\nlayers:\n  - {<<: *m39, type: relu}\n`;
    await openAndWait(s, text, problems);
    await everyRequest(s, text, problems);
  }),
  lsp('lsp-stride-2147483647', async (s, problems) => {
    await openAndWait(s, STRIDE, problems);
    await everyRequest(s, STRIDE, problems);
  }),
  lsp('lsp-padding-200000000', async (s, problems) => {
    await openAndWait(s, PADDING, problems);
    await everyRequest(s, PADDING, problems);
  }),
  lsp('lsp-explain-width-2^40', async (s, problems) => {
    await openAndWait(s, HUGE_WIDTH, problems);
    await everyRequest(s, HUGE_WIDTH, problems);
  }),
  lsp('lsp-explain-kernel-1e9', async (s, problems) => {
    await openAndWait(s, HUGE_KERNEL, problems);
    await everyRequest(s, HUGE_KERNEL, problems);
  }),
  lsp('lsp-dense-comparison-huge', async (s, problems) => {
    await openAndWait(s, HUGE_DENSE, problems);
    await everyRequest(s, HUGE_DENSE, problems);
  }),
  lsp('lsp-50000-keys-keystrokes', async (s, problems) => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join('\n');
    let text = `input: 8x8x1\nx-many:\n${keys}\nlayers: [relu]\n`;
    await openAndWait(s, text, problems, 6000);
    const started = Date.now();
    for (let v = 2; v <= 6; v++) {
      text = text.replace('input: 8x8x1', `input: ${v}x8x1`);
      await s.change(U, v, text);
    }
    const d = await s.diagnostics(U, 6, 10_000);
    if (!d) problems.push('no diagnostics after 5 keystrokes');
    else if (Date.now() - started > 6000) problems.push(`5 keystrokes took ${Date.now() - started} ms`);
  }, { maxMs: 20_000 }),
  lsp('lsp-52MB-didChange', async (s, problems) => {
    await openAndWait(s, 'input: 8x8x1\nlayers: [relu]\n', problems);
    await s.change(U, 2, 'input: 8x8x1\nlayers:\n' + '  - relu\n'.repeat(6_500_000));
    const d = await s.diagnostics(U, 2, 15_000);
    if (!d) problems.push('no diagnostics for the 52 MB version');
    else if (d.diagnostics.length !== 1) problems.push(`${d.diagnostics.length} diagnostics for the 52 MB version, expected 1`);
    await everyRequest(s, 'x\nx\n', problems);
    await s.change(U, 3, 'input: 8x8x1\nlayers: [relu]\n');
    if (!(await s.diagnostics(U, 3, 5000))) problems.push('no diagnostics after shrinking back');
  }, { maxMs: 40_000, maxRssMb: 900 }),
  lsp('lsp-60MB-didOpen', async (s, problems) => {
    await openAndWait(s, 'input: 8x8x1\nlayers:\n' + '  - relu\n'.repeat(7_500_000), problems, 15_000);
  }, { maxMs: 40_000, maxRssMb: 1000 }),
  lsp('lsp-hover-markdown-link-type', async (s, problems) => {
    const text = 'input: 8x8x1\nlayers:\n  - {type: "[open me](https://evil.example/x)", name: "[n](https://evil.example/n)"}\n  - {type: "<img src=x onerror=alert(1)>"}\n  - {type: "`x` **b** ![i](https://evil.example/i.png)"}\n';
    await openAndWait(s, text, problems);
    const hovers = await everyRequest(s, text, problems);
    for (const h of hovers) {
      const v = h?.contents?.value ?? '';
      if (/\]\(https:\/\/evil[^)]*\)/.test(v.replace(/`[^`]*`/g, '')) && !/\\\[/.test(v)) problems.push(`live link in hover: ${JSON.stringify(v.slice(0, 100))}`);
      if (/(^|[^\\])<img/.test(v.replace(/`[^`]*`/g, ''))) problems.push(`raw HTML in hover: ${JSON.stringify(v.slice(0, 100))}`);
    }
  }),
  lsp('lsp-proto-keys', async (s, problems) => {
    const text = 'input: 8x8x1\ntoString: 1\nconstructor: {a: 1}\n__proto__: {x: 1}\nlayers:\n  - {type: conv, filters: 2, kernel: 3, toString: 4, constructor: 5, __proto__: 6, valueOf: 7}\n  - {type: constructor}\n  - {type: __proto__}\n  - {type: toString}\n';
    await openAndWait(s, text, problems);
    const hovers = await everyRequest(s, text, problems);
    for (const h of hovers) if (/native code|function Object/.test(h?.contents?.value ?? '')) problems.push('hover shows a JavaScript function');
  }),
  lsp('lsp-escapes-in-names', async (s, problems) => {
    const e = JSON.stringify(EVIL).slice(1, -1);
    const text = `input: 8x8x1\nname: "${e}"\nlabels: ["${e}"]\nlayers:\n  - {name: "n${e}", type: conv, filters: 2, kernel: 30}\n  - {type: "t${e}"}\n`;
    await openAndWait(s, text, problems);
    await everyRequest(s, text, problems);
  }),
  lsp('lsp-lone-cr-and-multidoc', async (s, problems) => {
    const text = 'input: 8x8x1\rlayers:\r  - {type: conv, filters: 2, kernel: 30}\r---\rinput: 4x4x1\r';
    const d = await openAndWait(s, text, problems);
    if (d?.diagnostics.some((x) => /parseAllDocuments/.test(x.message))) problems.push('raw eemeli/yaml message');
    await everyRequest(s, text, problems);
  }),
  lsp('lsp-labels-environ-path', async (s, problems) => {
    const text = 'input: 8x8x1\nlabels: /proc/self/environ\nweights: ../../../etc/passwd\nlayers: [flatten, {type: dense, units: 2}]\n';
    await openAndWait(s, text, problems);
    const all = JSON.stringify(await everyRequest(s, text, problems)) + JSON.stringify(s.published);
    if (all.includes('HOSTILE_SECRET') || all.includes('root:x:0')) problems.push('file content echoed');
  }),
  lsp('lsp-garbage-params', async (s, problems) => {
    await openAndWait(s, 'input: 8x8x1\nlayers: [{type: conv, filters: 2, kernel: 3}]\n', problems);
    const methods = ['textDocument/hover', 'textDocument/codeAction', 'textDocument/inlayHint', 'textDocument/codeLens', 'codeLens/resolve', 'inlayHint/resolve', 'textDocument/completion', 'completionItem/resolve', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/rename', 'textDocument/prepareRename', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'cnnShape/summary', 'cnnShape/graph', 'cnnShape/exportPytorch', 'cnnShape/explain'];
    const garbage = [null, 0, 'x', [], {}, { uri: null }, { uri: 5 }, { textDocument: null }, { textDocument: { uri: U } }, { uri: U, layerIndex: -1 }, { uri: U, layerIndex: 1e300 }, { uri: U, layerIndex: 'a' }, { uri: U, position: { line: -1, character: 2 ** 53 } }, { uri: U, position: null, layerIndex: null }, { uri: U, version: 'x', layerIndex: 0 }, { uri: U, version: 1e308, layerIndex: 0 }, { textDocument: { uri: U }, position: { line: 1e9, character: 1e9 } }, { textDocument: { uri: U }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [null, 5] } }, { textDocument: { uri: U }, position: { line: 0, character: 0 }, newName: { a: 1 } }, { __proto__: { uri: U } }, { uri: U, layerIndex: 0, position: { line: 'a' } }];
    for (const m of methods) {
      for (const g of garbage) {
        const r = await s.request(m, g, 3000);
        if (r.timeout) problems.push(`${m} ${JSON.stringify(g)} timed out`);
        // -32803 RequestFailed: prepareRename's "put the cursor on a name" for a well-formed request.
        else if (r.error && ![-32602, -32601, -32803].includes(r.error.code)) problems.push(`${m} ${JSON.stringify(g)?.slice(0, 40)}: ${r.error.code} ${r.error.message.slice(0, 60)}`);
        else if (r.error && /undefined|null \(reading|is not a function|TypeError/.test(r.error.message)) problems.push(`${m}: raw JS message ${r.error.message.slice(0, 60)}`);
      }
    }
  }, { maxMs: 30_000 }),
  lsp('lsp-garbage-notifications', async (s, problems) => {
    const open = (textDocument) => s.notify('textDocument/didOpen', { textDocument });
    for (const td of [null, {}, { uri: U }, { uri: U, text: null }, { uri: 5, text: 'x', version: 1 }, { uri: U, languageId: 'cnn-yaml', version: 'x', text: 'input: 8x8x1\nlayers: [relu]\n' }, { uri: `${U}.2`, languageId: 'cnn-yaml', version: 1, text: { a: 1 } }]) await open(td);
    await s.open(`${U}.ok.cnn.yaml`, 'input: 8x8x1\nlayers: [relu]\n');
    const change = (textDocument, contentChanges) => s.notify('textDocument/didChange', { textDocument, contentChanges });
    await change({ uri: `${U}.ok.cnn.yaml`, version: 2 }, [{ range: { start: { line: 1e9, character: 1e9 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await change({ uri: `${U}.ok.cnn.yaml`, version: 3 }, [null, 5, { text: 7 }, { range: null, text: 'y' }]);
    await change({ uri: `${U}.ok.cnn.yaml`, version: -1 }, null);
    await change({ uri: 'file:///never/opened.cnn.yaml', version: 2 }, [{ text: 'x' }]);
    await change(null, null);
    await s.notify('textDocument/didClose', null);
    await s.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.cnn.yaml' } });
    await s.notify('workspace/didChangeConfiguration', { settings: { cnnShape: { language: { a: 1 }, defaultRounding: 5, inlayHints: 'x' } } });
    await s.notify('workspace/didChangeConfiguration', null);
    await s.notify('$/cancelRequest', { id: { x: 1 } });
    await s.notify('cnnShape/unknown', { a: 1 });
    const r = await s.request('textDocument/hover', { textDocument: { uri: `${U}.ok.cnn.yaml` }, position: { line: 0, character: 2 } }, 3000);
    if (r.timeout || (r.error && r.error.code !== -32602)) problems.push(`hover after garbage notifications: ${JSON.stringify(r.error ?? 'timeout')}`);
  }),
  lsp('lsp-2000-documents', async (s, problems) => {
    for (let i = 0; i < 2000; i++) await s.open(`file:///many/m${i}.cnn.yaml`, `input: ${i + 8}x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3, stride: 2}\n`);
    if (!(await s.diagnostics('file:///many/m1999.cnn.yaml', 1, 20_000))) problems.push('no diagnostics for the 2000th document');
  }, { maxMs: 30_000, maxRssMb: 700 }),
  lsp('lsp-incremental-edit-bombs', async (s, problems) => {
    let text = 'input: 8x8x1\nlayers:\n  - relu\n';
    await openAndWait(s, text, problems);
    // Type an alias bomb in, one character at a time for its last line.
    const b = aliasBomb();
    await s.change(U, 2, `${b.defs}\n${text}`);
    const tail = `x: ${b.top}\n`;
    for (let i = 1; i <= tail.length; i++) await s.notify('textDocument/didChange', { textDocument: { uri: U, version: 2 + i }, contentChanges: [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: i - 1 } }, text: tail.slice(0, i) }] });
    const d = await s.diagnostics(U, 2 + tail.length, 10_000);
    if (!d) problems.push('no diagnostics after typing the alias');
    text = `${b.defs}\n${text}`;
  }),
  lsp('lsp-zh-cn-hostile', async (s, problems) => {
    const text = STRIDE + 'x: [1, 2]\n';
    const d = await openAndWait(s, text, problems);
    if (d && !d.diagnostics.some((x) => /[\u4e00-\u9fff]/.test(x.message))) problems.push('no Chinese diagnostic');
    await everyRequest(s, text, problems);
    const e = await s.request('cnnShape/explain', null, 3000);
    if (!e.error || !/[\u4e00-\u9fff]/.test(e.error.message)) problems.push(`explain(null) not in Chinese: ${JSON.stringify(e.error ?? e.result)?.slice(0, 60)}`);
  }, { locale: 'zh-cn' }),
];
