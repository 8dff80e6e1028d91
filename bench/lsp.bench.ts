// Language-server benchmark over a real stdio connection to the bundled server (dist/server.js):
// open-to-diagnostics and edit-to-diagnostics (one value changed, median of several edits) on
// generated 200-, 5,000- and 20,000-layer files; and, on the largest, how long the requests an
// editor sends after each edit take. Prints figures; asserts nothing (timed tests are not tests).
// Run: npm run bench:lsp   (builds, then node scripts/bench.mjs lsp [--quick])
import { performance } from 'node:perf_hooks';
import {
  CodeLensRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../tests/lsp/support/lspClient';
import { repeatedBlockFlat, repeatedBlockModel } from './blockModels';

/** A valid model of `n` layers: conv blocks with names, comments in Chinese, flow and block maps. */
function yamlModel(n: number): string {
  const out = ['name: bench # 基准测试 📏', 'input: 64x64x3', 'layers:'];
  for (let i = 0; i < n; i++) {
    const k = i % 5;
    if (k === 0) out.push(`  - type: conv  # 第${i}层`, `    name: c${i}`, '    filters: 16', '    kernel: 3', '    padding: 1');
    else if (k === 1) out.push('  - {type: batchnorm, channels: 16}');
    else if (k === 2) out.push('  - relu');
    else if (k === 3) out.push('  - {type: conv, filters: 16, kernel: 3, padding: same}');
    else out.push(`  - {type: add, inputs: [c${i - 4}, ${i - 1}]}`);
  }
  return out.join('\n') + '\n';
}

function jsonModel(n: number): string {
  const layers: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    if (k === 0) layers.push({ name: `c${i}`, type: 'conv', filters: 16, kernel: 3, padding: 1 });
    else if (k === 1) layers.push({ type: 'batchnorm', channels: 16 });
    else layers.push({ type: 'relu' });
  }
  return `{\n  "input": "64x64x3",\n  "layers": [\n${layers.map((l) => `    ${JSON.stringify(l)}`).join(',\n')}\n  ]\n}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);

interface Row {
  label: string;
  bytes: number;
  open: number;
  edits: number[];
  hoverDuringCheck: number[];
}

async function measure(label: string, uri: string, text: string, edits: number): Promise<Row> {
  const client = new LspClient('bundle', process.cwd());
  try {
    await client.initialize();
    let t = performance.now();
    await client.open(uri, text);
    await client.atVersion(uri, 1, 120_000);
    const open = performance.now() - t;
    const doc = TextDocument.create(uri, 'x', 1, text);
    const times: number[] = [];
    const hovers: number[] = [];
    // The edits change a filter count near the middle: a whole value, as a user types it.
    const needle = ['"filters": 16', '"filters":16', 'filters: 16'].find((n) => text.includes(n));
    const found = needle === undefined ? -1 : text.indexOf(needle, Math.floor(text.length / 2));
    if (found < 0) throw new Error(`${label}: no filter count to edit`);
    const at = found + needle!.length - 2;
    const start = doc.positionAt(at);
    let current = '16';
    for (let v = 2; v <= edits + 1; v++) {
      const next = String(16 + v);
      const range = { start, end: { line: start.line, character: start.character + current.length } };
      current = next;
      t = performance.now();
      await client.change(uri, v, [{ range, text: next }]);
      // An editor asks for a hover while the server checks: how long does it wait?
      const hoverAt: Position = { line: start.line, character: start.character };
      const h0 = performance.now();
      const hover = client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt }).then(() => hovers.push(performance.now() - h0));
      await client.atVersion(uri, v, 60_000);
      times.push(performance.now() - t);
      await hover;
    }
    return { label, bytes: text.length, open, edits: times, hoverDuringCheck: hovers };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

/** The requests an editor sends after an edit, on the largest file. */
async function requests(uri: string, text: string): Promise<Array<[string, number, number]>> {
  const client = new LspClient('bundle', process.cwd());
  const out: Array<[string, number, number]> = [];
  try {
    await client.initialize();
    await client.open(uri, text);
    await client.atVersion(uri, 1, 120_000);
    const doc = { uri };
    const mid = Math.floor(text.split('\n').length / 2);
    const screen = { start: { line: mid, character: 0 }, end: { line: mid + 60, character: 0 } };
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['inlay hints (60 lines)', () => client.conn.sendRequest(InlayHintRequest.type, { textDocument: doc, range: screen })],
      ['hover', () => client.conn.sendRequest(HoverRequest.type, { textDocument: doc, position: { line: mid + 10, character: 6 } })],
      ['document symbols', () => client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: doc })],
      ['folding ranges', () => client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: doc })],
      ['code lens', () => client.conn.sendRequest(CodeLensRequest.type, { textDocument: doc })],
    ];
    for (const [name, send] of cases) {
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        size = JSON.stringify(await send()).length;
        times.push(performance.now() - t);
      }
      out.push([name, median(times), size]);
    }
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
  return out;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [200, 5000] : [200, 5000, 20000];
  const edits = quick ? 5 : 11;
  const rows: Row[] = [];
  for (const n of sizes) rows.push(await measure(`${n.toLocaleString('en-US')} layers (YAML)`, `file:///bench/m${n}.cnn.yaml`, yamlModel(n), edits));
  rows.push(await measure('5,000 layers (JSON)', 'file:///bench/m5000.cnn.json', jsonModel(5000), edits));
  // Blocks: a 6-layer block repeated 1,000 times (the edit changes the use's filters: every copy), and
  // the same 6,001 layers written out flat (the edit changes one conv's filters).
  rows.push(await measure('repeat 1000 (blocks)', 'file:///bench/b1000.cnn.yaml', repeatedBlockModel(1000), edits));
  rows.push(await measure('repeat 1000 (flat)', 'file:///bench/f1000.cnn.yaml', repeatedBlockFlat(1000), edits));

  console.log(`LSP over stdio, dist/server.js; edit = one value changed, ${edits} edits (median and worst)`);
  console.log(`${'file'.padEnd(22)} ${'size'.padStart(9)} ${'open→diag'.padStart(9)} ${'edit→diag'.padStart(9)} ${'worst'.padStart(8)} ${'hover*'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(22)} ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(9)} ${fmt(r.open)} ${fmt(median(r.edits))}  ${fmt(Math.max(...r.edits))} ${fmt(median(r.hoverDuringCheck))}`);
  }
  console.log('ms; hover* = a hover sent right after the edit, answered while the server checks');
  const five = rows.find((r) => r.label.startsWith('5,000 layers (YAML)'));
  if (five) console.log(`target: 5,000-layer edit → diagnostics under 50 ms: ${median(five.edits) < 50 ? 'met' : 'NOT met'} (median ${median(five.edits).toFixed(1)} ms)`);

  if (!quick) {
    const big = 20000;
    console.log(`\nrequests on the ${big.toLocaleString('en-US')}-layer file (median of 5)`);
    for (const [name, ms, size] of await requests(`file:///bench/r${big}.cnn.yaml`, yamlModel(big))) {
      console.log(`${name.padEnd(24)} ${fmt(ms)} ms ${`${(size / 1024).toFixed(0)} KB`.padStart(9)}`);
    }
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
