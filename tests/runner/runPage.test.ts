// The editor's run result page (client/src/run): names, labels and paths from the user's files never
// become markup; the page loads only its own nonce'd script and style; previews are scaled honestly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderRunBody, renderRunPage } from '../../client/src/run/html';
import { orderImages } from '../../client/src/run/imageOrder';
import { isFromRunPage, PREVIEW_LIMITS, toView } from '../../client/src/run/view';
import { runPipeline } from '../../runner/src/run/pipeline';
import { MAP_TYPES, previewImage, previewMap } from '../../runner/src/run/previews';
import { analyze } from '../../core/src/index';
import { pngBytes } from './helpers/png';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('page');
const HOSTILE = `name: "<script>alert('model')</script>"
input: 6x6x3
labels: ["<img src=x onerror=alert(1)>", "\\"><svg onload=alert(2)>", "a & b"]
layers:
  - {type: conv, filters: 2, kernel: 3, name: "<b onmouseover=alert(3)>c</b>"}
  - {type: maxpool, kernel: 2, name: "</table><iframe src=javascript:alert(4)>"}
  - flatten
  - {type: dense, units: 3}
`;
const model = tmp.write('evil.cnn.yaml', HOSTILE);
const image = tmp.write('<i onclick=x>pic.png', pngBytes(6, 6, (x, y) => [x * 40, y * 40, 0, 255]));
const broken = tmp.write('"><script>x.png', 'not an image');

const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'nav', 'button', 'section', 'div', 'figure', 'figcaption', 'canvas', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'meter', 'span', 'a']);

async function hostileView() {
  const text = HOSTILE;
  const layers = analyze({ text, fileName: model }).layers.filter((l) => MAP_TYPES.has(l.decl.type)).map((l) => l.decl.index);
  const r = await runPipeline({ modelFile: model, text, images: [image, broken], previews: { layers, ...PREVIEW_LIMITS } });
  return toView(r, 'evil.cnn.yaml');
}

test('every name, label, path and message from the files is escaped: only the page\'s own tags remain', async () => {
  const { view } = await hostileView();
  assert.equal(view.errors.length, 1);
  const body = renderRunBody(view);
  for (const m of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) assert.ok(ALLOWED_TAGS.has(m[1]!.toLowerCase()), `unexpected tag <${m[1]}> in the page`);
  // Escaped text has no '<': every match is one of the page's own tags, and none has a handler.
  for (const tag of body.match(/<[a-z][^>]*>/gi) ?? []) assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, tag);
  assert.match(body, /&lt;script&gt;alert\(&#39;model&#39;\)&lt;\/script&gt;/);
  assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(body, /&quot;&gt;&lt;svg onload=alert\(2\)&gt;/);
  assert.match(body, /a &amp; b/);
  assert.match(body, /&lt;b onmouseover=alert\(3\)&gt;c&lt;\/b&gt;/);
  assert.match(body, /&lt;\/table&gt;&lt;iframe/);
  assert.match(body, /&lt;i onclick=x&gt;pic\.png/);
  assert.match(body, /&quot;&gt;&lt;script&gt;x\.png: not a PNG or JPEG/);
});

test('the page: strict CSP with a fresh nonce, its one local script, no inline handlers; a bad nonce is refused', async () => {
  const { view } = await hostileView();
  const page = renderRunPage(renderRunBody(view), { nonce: 'abc123+/=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/runWebview.js', title: view.title });
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; style-src 'nonce-abc123\+\/='; script-src 'nonce-abc123\+\/=';">/);
  const scripts = [...page.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, ['<script nonce="abc123+/=" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/runWebview.js">']);
  assert.doesNotMatch(page, /unsafe-inline|unsafe-eval/);
  for (const tag of page.match(/<[a-z][^>]*>/gi) ?? []) assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, tag);
  assert.match(page, /<title>Run: |<title>&lt;script&gt;/);
  assert.throws(() => renderRunPage('', { nonce: '"><x', cspSource: '', scriptUri: '', title: '' }), /nonce/);
});

test('the view: maps of conv and pool layers, pixels that decode to the right sizes, chart data from top-5', async () => {
  const { view, pixels } = await hostileView();
  assert.deepEqual(view.mapLayers.map((m) => [m.index, m.type, m.width, m.height, m.depth, m.channels]), [[0, 'conv', 4, 4, 2, 2], [1, 'maxpool', 2, 2, 2, 2]]);
  assert.equal(view.images.length, 1);
  assert.equal(view.images[0]!.probabilities, false, 'dense outputs are scores, not probabilities');
  const p = pixels[0]!;
  assert.equal(Buffer.from(p.seen.b64, 'base64').length, 6 * 6 * 3);
  assert.deepEqual(p.maps.map((m) => Buffer.from(m.b64, 'base64').length), [2 * 4 * 4, 2 * 2 * 2]);
  assert.deepEqual(p.chart.labels, view.images[0]!.top.map((t) => t.label));
  // Labels reach the page script as data, to be drawn as canvas text.
  assert.ok(p.chart.labels.includes('<img src=x onerror=alert(1)>'));
});

test('messages from the page are checked', () => {
  assert.ok(isFromRunPage({ type: 'ready' }));
  assert.ok(isFromRunPage({ type: 'reveal', index: 3 }));
  assert.ok(isFromRunPage({ type: 'drawn', seq: 2, canvases: 7, charts: 1 }));
  for (const bad of [null, 'ready', { type: 'reveal', index: -1 }, { type: 'reveal', index: 1.5 }, { type: 'reveal' }, { type: 'drawn', seq: 2, canvases: '7', charts: 1 }, { type: 'drawn', canvases: 7, charts: 1 }, { type: 'eval' }]) {
    assert.equal(isFromRunPage(bad), false, JSON.stringify(bad));
  }
});

test('map previews: each channel scaled from its own range, large maps subsampled, channels capped', () => {
  // 2 channels of 4×4: channel 0 = 0..15, channel 1 constant.
  const data = new Float32Array(32);
  for (let i = 0; i < 16; i++) data[i] = i;
  data.fill(7, 16);
  const p = previewMap(5, { dims: [1, 2, 4, 4], data }, { maxChannels: 8, maxSize: 2 });
  assert.deepEqual([p.previewWidth, p.previewHeight, p.channels, p.width, p.height, p.depth], [2, 2, 2, 4, 4, 2]);
  assert.deepEqual(Array.from(p.data.subarray(0, 4)), [0, 34, 136, 170]);
  assert.deepEqual(Array.from(p.data.subarray(4)), [128, 128, 128, 128], 'a constant map is mid-grey');
  assert.deepEqual(p.ranges, [[0, 15], [7, 7]]);
  assert.equal(previewMap(0, { dims: [1, 40, 1, 1], data: new Float32Array(40) }, PREVIEW_LIMITS).channels, PREVIEW_LIMITS.maxChannels);
  assert.deepEqual(Array.from(previewImage({ width: 2, height: 1, channels: 1, data: Float32Array.from([-3, 300]) }).data), [0, 255]);
});

test('the QuickPick lists the model\'s folder first, then its subfolders, then the rest', () => {
  const dir = join('/w', 'models');
  const got = orderImages([join('/w', 'a.png'), join(dir, 'sub', 'b.png'), join(dir, 'z.png'), join(dir, 'a.jpg'), join('/v', 'c.png')], dir);
  assert.deepEqual(got, [join(dir, 'a.jpg'), join(dir, 'z.png'), join(dir, 'sub', 'b.png'), join('/v', 'c.png'), join('/w', 'a.png')]);
});
