// The graph page's pieces that run outside the webview: the HTML (strict CSP, the page's words as an
// escaped `strings` object, the overview in a column of its own), the words' placeholders, the
// messages the extension accepts from the page, and the overview's picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, EN, t, withLocale, type MessageId } from '../../core/src/index';
import { renderGraphPage } from '../../client/src/graph/html';
import { isFromGraphPage } from '../../client/src/graph/messages';
import { fill, PAGE_KEYS } from '../../client/src/graph/strings';
import { buildGraph, layoutGraph, visibleGraph } from '../../server/src/graph/index';
import { renderOverviewSvg } from '../../server/src/graph/svg';
import { xmlProblems } from '../graph/xml';

const root = resolve(__dirname, '..', '..');
const text = (id: MessageId) => t(id);
const opts = { nonce: 'abc123==', cspSource: 'vscode-resource:', scriptUri: 'https://x/graphWebview.js', title: 'Model Graph', text };
const page = renderGraphPage(opts);

function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function stringsOf(html: string): Record<string, string> {
  const m = /<body data-strings="([^"]*)">/.exec(html);
  assert.ok(m, 'data-strings on body');
  return JSON.parse(unescapeHtml(m[1]!)) as Record<string, string>;
}

test('the page carries its words as a strings object of catalogue templates, in the language chosen', () => {
  const en = stringsOf(page);
  assert.deepEqual(Object.keys(en).sort(), [...PAGE_KEYS].sort());
  for (const k of PAGE_KEYS) assert.equal(en[k], EN.graph[k]);
  assert.equal(en['status'], '{layers} layers · drawn in {ms} ms');
  const zhPage = withLocale('zh-cn', () => renderGraphPage(opts));
  const zh = stringsOf(zhPage);
  assert.equal(zh['status'], '{layers} 层 · 绘制用时 {ms} 毫秒');
  assert.match(zhPage, />查找层 \(\/\)<|placeholder="查找层 \(\/\)"/);
  assert.match(zhPage, />折叠模块</);
});

test('the page has a strict CSP with its nonce and no inline handlers', () => {
  assert.match(page, /default-src 'none'; img-src blob: data:; style-src 'nonce-abc123=='; script-src 'nonce-abc123==';/);
  assert.doesNotMatch(page, /\son[a-z]+=/i);
  assert.throws(() => renderGraphPage({ ...opts, nonce: '"><script>' }));
});

test('the overview sits in a column beside the drawing, not over it, and can be hidden', () => {
  assert.match(page, /<div id="main">\s*<div id="viewport"[^>]*><div id="canvas"><\/div><\/div>\s*<div id="side"><div id="overview"/);
  assert.match(page, /#viewport \{ position: relative; flex: 1;/);
  assert.match(page, /body\.no-overview #side \{ display: none; \}/);
  assert.match(page, /data-action="overview"/);
  assert.doesNotMatch(page, /#overview \{[^}]*position: absolute/);
});

test('fill: named placeholders, a missing value stays visible', () => {
  assert.equal(fill(EN.graph.status, { layers: 175, ms: 12 }), '175 layers · drawn in 12 ms');
  assert.equal(fill('{a} and {b}', { a: 1 }), '1 and {b}');
  assert.equal(fill('{toString} {a}', { a: 2 }), '{toString} 2', 'only own values');
});

test('messages from the page: shown (with cached), probe, and junk refused', () => {
  const phases = { layout: 1, svg: 2, dom: 3 };
  assert.equal(isFromGraphPage({ type: 'shown', version: 3, layerNodes: 2, red: [1], ms: 4.5, cached: true, phases }), true);
  assert.equal(isFromGraphPage({ type: 'shown', version: 3, layerNodes: 2, red: [1], ms: 4.5, phases }), false);
  assert.equal(isFromGraphPage({ type: 'shown', version: 3, layerNodes: 2, red: [1], ms: 4.5, cached: true, phases: { layout: 1 } }), false);
  assert.equal(isFromGraphPage({ type: 'probe', focused: 'L2', found: ['L1'], foundAt: null, inView: true, overview: false }), true);
  for (const bad of [null, 1, {}, { type: 'probe', focused: 2, found: [], foundAt: null, inView: true, overview: true }, { type: 'probe', focused: null, found: [3], foundAt: null, inView: true, overview: true }, { type: 'reveal', layer: -1 }]) {
    assert.equal(isFromGraphPage(bad), false, JSON.stringify(bad));
  }
});

test('the overview picture: boxes and edges, no text, well-formed', async () => {
  const file = join(root, 'samples', 'v2', 'unet.cnn.yaml');
  const g = buildGraph(analyze({ text: readFileSync(file, 'utf8'), fileName: file }), '<evil & "title">');
  const l = await layoutGraph(visibleGraph(g, new Set()));
  const svg = renderOverviewSvg(l);
  assert.deepEqual(xmlProblems(svg), []);
  assert.equal((svg.match(/<rect /g) ?? []).length, l.items.length + l.frames.length);
  assert.doesNotMatch(svg, /<text|evil/);
  assert.equal((svg.match(/class="node [^"]*error/g) ?? []).length, l.items.filter((p) => p.item.kind === 'node' && p.item.node.status === 'error').length);
});
