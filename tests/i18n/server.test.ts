// The language server in Chinese, over stdio as an editor starts it: `initialize` with `locale: 'zh-cn'`
// makes the tutorial's 32×32, F = 4, S = 3 error, the hover, completion details and quick-fix titles
// Chinese, with the same arithmetic as in English; `cnnShape.language: 'en'` turns them English again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { analyze, withLocale } from '../../core/src/index';
import { CAPABILITIES, LspClient, ROOT } from '../lsp/support/lspClient';

const SAMPLE = join(ROOT, 'samples', 'tutorial', '05-32x32-f4-s3-not-whole.cnn.yaml');
const CJK = /[\u4e00-\u9fff]/;
const KEYS_TEXT = 'input: 32x32x3\nlayers:\n  - type: conv\n    filters: 8\n    kernel: 4\n    st\n';

/** The numbers and the arithmetic signs of a message, in order: what must not change with the language. */
const arithmetic = (s: string) => [...s.matchAll(/\d+(?:\.\d+)?|[−+·/=×()]/g)].map((m) => m[0]).join(' ');

function positionOf(text: string, needle: string, after = 0): Position {
  const at = text.indexOf(needle) + after;
  assert.ok(at >= after, `${needle} in the text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

interface Seen {
  error: Diagnostic;
  message: string;
  strideHover: string;
  layerHover: string;
  details: string[];
  titles: string[];
}

/** What the server says about the sample, from its first publication after the `after`th. */
async function look(client: LspClient, uri: string, keysUri: string, text: string, after: number): Promise<Seen> {
  const published = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= after);
  const error = published.diagnostics.find((d) => d.code === 'non-integer-output')!;
  assert.ok(error, 'the non-whole error is published');
  const hover = (p: Position) => client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: p });
  const strideHover = hoverText(await hover(positionOf(text, ', stride: 3}', 3)));
  const layerHover = hoverText(await hover(positionOf(text, '{type: conv', 8)));
  const items = (await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri: keysUri }, position: positionOf(KEYS_TEXT, '    st\n', 6) })) as CompletionItem[];
  const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: error.range, context: { diagnostics: [error] } })) as CodeAction[];
  const message = typeof error.message === 'string' ? error.message : error.message.value;
  return { error, message, strideHover, layerHover, details: items.map((i) => i.detail ?? ''), titles: actions.map((a) => a.title) };
}

test('initialize locale zh-cn: diagnostics, hover, completion and quick fixes in Chinese; cnnShape.language en turns them English', { timeout: 60_000 }, async () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const english = withLocale('en', () => analyze({ text, fileName: SAMPLE }).diagnostics.find((d) => d.code === 'non-integer-output')!.message);
  const client = new LspClient('source');
  try {
    await client.conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, workspaceFolders: null, locale: 'zh-cn' });
    await client.conn.sendNotification(InitializedNotification.type, {});
    const uri = pathToFileURL(SAMPLE).href;
    const keysUri = 'file:///tmp/keys.cnn.yaml';
    await client.open(uri, text);
    await client.open(keysUri, KEYS_TEXT);

    const zh = await look(client, uri, keysUri, text, 0);
    assert.match(zh.message, CJK, `the diagnostic is Chinese: ${zh.message}`);
    assert.equal(arithmetic(zh.message), arithmetic(english), `the same arithmetic: ${zh.message} / ${english}`);
    assert.ok(zh.message.includes('(32 − 4 + 2·0)/3 + 1 = 10.33'), zh.message);
    assert.match(zh.strideHover, /步幅 \\\(stride\\\)/, zh.strideHover);
    assert.match(zh.layerHover, /参数 \(params\) [\d,]+ · 乘加运算 \(MACs\) [\d,]+/, zh.layerHover);
    assert.match(zh.layerHover, /10\.33/, 'the hover keeps the arithmetic');
    assert.ok(zh.details.some((d) => d.startsWith('默认')), `completion details in Chinese: ${zh.details.join(' | ')}`);
    assert.ok(!zh.details.some((d) => /^(default|required|optional|any layer)/.test(d)), zh.details.join(' | '));
    assert.ok(zh.titles.includes('把填充 (padding) 设为 1 → 11×11×8'), zh.titles.join(' | '));
    for (const title of zh.titles) assert.match(title, CJK, `quick-fix title in Chinese: ${title}`);

    // Re-published after the settings change (same version, the other language).
    const before = client.published.length;
    await client.changeSettings({ language: 'en' });
    const en = await look(client, uri, keysUri, text, before);
    assert.equal(en.message, english);
    assert.doesNotMatch(en.strideHover + en.layerHover, CJK);
    assert.match(en.strideHover, /^\*\*stride\*\* \(conv\)/);
    assert.match(en.layerHover, /params \d+ · MACs/);
    assert.ok(en.details.some((d) => d.startsWith('default')), en.details.join(' | '));
    assert.ok(en.titles.includes('Set padding to 1 → 11×11×8'), en.titles.join(' | '));
    for (const title of en.titles) assert.doesNotMatch(title, CJK, title);
  } finally {
    client.kill();
  }
});
