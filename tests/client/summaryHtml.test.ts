// The summary webview's HTML (client/src/summary/html.ts): text from a model file never becomes markup,
// and the page runs only its own nonce'd style and script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../core/src/index';
import { summarize, type Summary } from '../../core/src/index';
import { escapeHtml, isFromWebview, renderSummaryBody, renderSummaryPage } from '../../client/src/summary/html';

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

test('escapeHtml leaves no markup characters and loses nothing', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const e = escapeHtml(s);
      assert.doesNotMatch(e, /[<>"']/);
      assert.equal(unescape(e), s);
    }),
  );
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
});

const MODEL = `name: tiny
input: 32x32x3
layers:
  - type: conv
    name: c1
    filters: 8
    kernel: 3
  - relu
  - type: maxpool
    kernel: 2
  - flatten
  - type: dense
    units: 10
`;

function summaryWith(texts: { title: string; name: string; type: string; field: string }): Summary {
  const s = summarize(analyze({ text: MODEL, fileName: 'tiny.cnn.yaml' }));
  return { ...s, title: texts.title, rows: s.rows.map((r) => ({ ...r, name: texts.name, type: texts.type, field: texts.field })) };
}

const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

test('the body has the same markup whatever the names, types and title say', () => {
  const plain = tags(renderSummaryBody(summaryWith({ title: 't', name: 'n', type: 'conv', field: '3 / 1' }), 'f.cnn.yaml'));
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), (title, name, type, field, file) => {
      const body = renderSummaryBody(summaryWith({ title, name, type, field }), file);
      assert.deepEqual(tags(body), plain);
      assert.ok(body.includes(escapeHtml(name)));
    }),
  );
  const evil = renderSummaryBody(summaryWith({ title: '<script>alert(1)</script>', name: '<img src=x onerror=alert(1)>', type: '"><b>', field: '' }), '<i>.cnn.yaml');
  assert.ok(!evil.includes('<img') && !evil.includes('<script') && !evil.includes('<b>') && !evil.includes('<i>'));
  assert.ok(evil.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

test('the body shows each layer of the analysed model with its shape and counts', () => {
  const a = analyze({ text: MODEL, fileName: 'tiny.cnn.yaml' });
  const s = summarize(a);
  const body = renderSummaryBody(s, 'tiny.cnn.yaml');
  assert.equal((body.match(/<tr data-layer="/g) ?? []).length, a.layers.length);
  for (const r of s.rows) {
    assert.ok(body.includes(`<tr data-layer="${r.index}"`), `row ${r.index}`);
    assert.ok(body.includes(`<td class="shape">${escapeHtml(r.output)}`), `output of row ${r.index}: ${r.output}`);
  }
  assert.ok(body.includes(s.totals.params.toLocaleString('en-US')));
  assert.doesNotMatch(body, /class="problems"/);
});

test('rows of layers with errors are marked, with the counts in the heading', () => {
  const broken = MODEL.replace('kernel: 2', 'kernel: 7');
  const s = summarize(analyze({ text: broken, fileName: 'tiny.cnn.yaml' }));
  assert.ok(s.errors > 0, 'the fixture must have an error');
  const body = renderSummaryBody(s, 'tiny.cnn.yaml');
  const marked = s.rows.filter((r) => r.errors > 0);
  assert.ok(marked.length > 0);
  for (const r of marked) assert.ok(body.includes(`<tr data-layer="${r.index}" tabindex="0" class="has-error"`));
  assert.match(body, new RegExp(`${s.errors} errors?, ${s.warnings} warnings?`));
});

test('the page allows only its own nonce: no other source, every style and script carries it', () => {
  const nonce = 'QUJDREVGR0hJSktMTU5PUA==';
  const page = renderSummaryPage('<p>x</p>', nonce, '<t>', 7);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
  assert.equal(csp, `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`);
  const opening = page.match(/<(script|style)\b[^>]*>/g) ?? [];
  assert.equal(opening.length, 2);
  for (const t of opening) assert.ok(t.includes(`nonce="${nonce}"`), t);
  assert.ok(page.includes('<title>&lt;t&gt;</title>'));
  assert.ok(page.includes('<main id="root" data-version="7"><p>x</p></main>'));
  assert.throws(() => renderSummaryPage('', `x" onload="y`, 't', 1), /nonce/);
  assert.throws(() => renderSummaryPage('', nonce, 't', 1.5), /version/);
});

test('only well-formed messages are accepted from the page', () => {
  assert.equal(isFromWebview({ type: 'reveal', index: 3 }), true);
  assert.equal(isFromWebview({ type: 'shown', version: 2, rows: 0 }), true);
  for (const m of [null, 3, 'reveal', {}, { type: 'reveal' }, { type: 'reveal', index: -1 }, { type: 'reveal', index: 1.5 }, { type: 'reveal', index: '2' }, { type: 'x', index: 1 },
    { type: 'shown', version: 1 }, { type: 'shown', version: -1, rows: 2 }, { type: 'shown', version: 1, rows: '2' }]) {
    assert.equal(isFromWebview(m), false, JSON.stringify(m));
  }
});
