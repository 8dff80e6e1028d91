// The run result page's script: an ES module because chart.js is one, bundled with it to
// dist/runWebview.js by scripts/build.mjs; it runs in the webview, not in Node. The HTML arrives
// complete and escaped; this script only draws pixels, bars and the chart from the posted data,
// switches between images, opens the enlarged view of a map (numbers in its cells when it is small, the
// value under the pointer otherwise), redraws when the colour theme changes, and asks the extension to
// reveal a layer. Labels and names reach the page as data (canvas text, textContent), never as markup;
// its words come from the extension (data-strings on the root).
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { RunPageStrings } from '../html.js';
import type { FromRunPage, ImagePixels, ToRunPage } from '../view.js';
import { cellText, fill, gridOf, type Grid } from './grid.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

declare function acquireVsCodeApi(): { postMessage(m: FromRunPage): void };
const vscode = acquireVsCodeApi();
const charts: Chart[] = [];
const root = document.getElementById('root')!;
const strings = JSON.parse(root.dataset['strings'] ?? '{}') as RunPageStrings;
/** Maps with their numbers side by side up to this size; larger ones are a picture with a readout. */
const TABLE_MAX = 16;

let images: ImagePixels[] = [];
/** Exact values by `${image}:${layer}` (layer -1: the input). */
const values = new Map<string, Grid>();

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Draws channel-interleaved (1 or 3 channels) or planar grey bytes on a canvas of the same size. */
function draw(canvas: HTMLCanvasElement, width: number, height: number, channels: number, data: Uint8Array, offset = 0): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || width === 0 || height === 0) return;
  const img = ctx.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const r = data[offset + i * channels]!;
    const g = channels === 3 ? data[offset + i * 3 + 1]! : r;
    const b = channels === 3 ? data[offset + i * 3 + 2]! : r;
    img.data.set([r, g, b, 255], i * 4);
  }
  ctx.putImageData(img, 0, 0);
}

function css(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

let drawn = 0;

/** The page's map canvases by image, layer and channel: found in one pass (a large network has hundreds). */
function mapCanvases(): Map<string, HTMLCanvasElement> {
  const byKey = new Map<string, HTMLCanvasElement>();
  document.querySelectorAll<HTMLCanvasElement>('canvas.map').forEach((c) => byKey.set(`${c.dataset['image']}:${c.dataset['layer']}:${c.dataset['channel']}`, c));
  return byKey;
}

function drawImage(i: number, p: ImagePixels, maps: Map<string, HTMLCanvasElement>): void {
  const input = document.querySelector<HTMLCanvasElement>(`canvas.input[data-image="${i}"]`);
  if (input) {
    draw(input, p.seen.width, p.seen.height, p.seen.channels, bytes(p.seen.b64));
    drawn++;
  }
  for (const m of p.maps) {
    const data = bytes(m.b64);
    for (let c = 0; c < m.channels; c++) {
      const canvas = maps.get(`${i}:${m.layer}:${c}`);
      if (!canvas) continue;
      draw(canvas, m.width, m.height, 1, data, c * m.width * m.height);
      drawn++;
      const [lo, hi] = m.ranges[c] ?? [0, 0];
      canvas.title = fill(strings.channelRange, { channel: c, lo: lo.toPrecision(3), hi: hi.toPrecision(3) });
    }
  }
  for (const v of p.values ?? []) {
    const b = bytes(v.b64);
    values.set(`${i}:${v.layer}`, { width: v.width, height: v.height, channels: v.channels, data: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4) });
  }
  drawChart(i, p);
}

function drawChart(i: number, p: ImagePixels): void {
  const chartCanvas = document.querySelector<HTMLCanvasElement>(`canvas.chart[data-image="${i}"]`);
  if (!chartCanvas) return;
  const fg = css('--vscode-foreground', '#888');
  charts.push(
    new Chart(chartCanvas, {
      type: 'bar',
      data: { labels: p.chart.labels, datasets: [{ data: p.chart.scores, backgroundColor: css('--vscode-charts-blue', '#3794ff') }] },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true } },
        scales: {
          x: { ...(p.chart.probabilities ? { min: 0, max: 1 } : {}), ticks: { color: fg }, grid: { color: css('--vscode-widget-border', 'rgba(128,128,128,0.2)') } },
          y: { ticks: { color: fg } },
        },
      },
    }),
  );
}

/** The bars of dense and softmax outputs: from the zero line, to scale between the vector's lo and hi. */
function sizeBars(): void {
  document.querySelectorAll<HTMLElement>('.bar[data-value]').forEach((bar) => {
    const v = Number(bar.dataset['value']);
    const lo = Number(bar.dataset['lo']);
    const hi = Number(bar.dataset['hi']);
    const span = hi - lo || 1;
    const zero = (-lo / span) * 100;
    const end = ((v - lo) / span) * 100;
    bar.style.left = `${Math.min(zero, end)}%`;
    bar.style.width = `${Math.max(Math.abs(end - zero), 0.5)}%`;
  });
}

// ---- the enlarged view ----

const zoomBox = document.getElementById('zoom')!;
let zoomed: { image: number; layer: number; channel: number } | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function layerName(layer: number): string {
  if (layer < 0) return strings.input;
  return document.querySelector<HTMLElement>(`a.mapname[data-reveal="${layer}"]`)?.textContent ?? String(layer);
}

/** Opens (or redraws) the enlarged view of one channel; tells the extension what it shows. */
function openZoom(image: number, layer: number, channel: number): void {
  const source = document.querySelector<HTMLCanvasElement>(layer < 0 ? `canvas.input[data-image="${image}"]` : `canvas.map[data-image="${image}"][data-layer="${layer}"][data-channel="${channel}"]`);
  if (!source) return;
  zoomed = { image, layer, channel };
  const grid = values.get(`${image}:${layer}`);
  const width = grid?.width ?? source.width;
  const height = grid?.height ?? source.height;
  zoomBox.replaceChildren();
  const header = el('header');
  const title = fill(strings.zoomTitle, { layer: layerName(layer), channel, width, height });
  const close = el('button', strings.close);
  close.addEventListener('click', closeZoom);
  header.append(el('h2', title), close);
  zoomBox.append(header);
  let cells: string[][] = [];
  const readout = el('p', grid ? strings.zoomHint : strings.zoomNoValues, 'readout');
  if (grid) {
    const g = gridOf(grid, channel);
    zoomBox.append(el('p', fill(strings.zoomRange, { lo: cellText(g.lo, g.integers), hi: cellText(g.hi, g.integers) }), 'dim'));
    if (width <= TABLE_MAX && height <= TABLE_MAX) {
      cells = g.rows.map((row) => row.map((v) => cellText(v, g.integers)));
      const table = numberTable(g.rows, cells, g.lo, g.hi);
      table.addEventListener('mouseover', (ev) => {
        const td = ev.target instanceof HTMLTableCellElement ? ev.target : null;
        const tr = td?.parentElement;
        if (!td || !(tr instanceof HTMLTableRowElement)) return;
        // Counted from 1, as a learner counts rows.
        readout.textContent = fill(strings.zoomHover, { row: tr.rowIndex + 1, column: td.cellIndex + 1, value: td.textContent ?? '' });
      });
      zoomBox.append(table);
    } else {
      zoomBox.append(bigCanvas(width, height, (ctx) => paintGrid(ctx, g.rows, g.lo, g.hi), (x, y) => cellText(g.rows[y]?.[x] ?? NaN, g.integers), readout));
    }
  } else {
    zoomBox.append(bigCanvas(width, height, (ctx) => ctx.drawImage(source, 0, 0), undefined, readout));
  }
  zoomBox.append(readout);
  zoomBox.hidden = false;
  close.focus();
  vscode.postMessage({ type: 'zoomed', title, cells });
}

function grey(v: number, lo: number, hi: number): number {
  return hi > lo ? Math.round(((v - lo) / (hi - lo)) * 255) : 128;
}

function numberTable(rows: number[][], texts: string[][], lo: number, hi: number): HTMLTableElement {
  const table = el('table', undefined, 'cells');
  rows.forEach((row, y) => {
    const tr = el('tr');
    row.forEach((v, x) => {
      const g = grey(v, lo, hi);
      const td = el('td', texts[y]?.[x] ?? '');
      // The map's own grey behind each number, the text black or white against it.
      td.style.backgroundColor = `rgb(${g}, ${g}, ${g})`;
      td.style.color = g > 127 ? '#000' : '#fff';
      tr.append(td);
    });
    table.append(tr);
  });
  return table;
}

function paintGrid(ctx: CanvasRenderingContext2D, rows: number[][], lo: number, hi: number): void {
  const w = rows[0]?.length ?? 0;
  const img = ctx.createImageData(w, rows.length);
  rows.forEach((row, y) => row.forEach((v, x) => {
    const g = grey(v, lo, hi);
    img.data.set([g, g, g, 255], (y * w + x) * 4);
  }));
  ctx.putImageData(img, 0, 0);
}

/** The map drawn at its own size and scaled up by CSS (pixelated); the pointer's cell and value below it. */
function bigCanvas(width: number, height: number, paint: (ctx: CanvasRenderingContext2D) => void, valueAt: ((x: number, y: number) => string) | undefined, readout: HTMLElement): HTMLCanvasElement {
  const c = el('canvas', undefined, 'big');
  c.width = width;
  c.height = height;
  const scale = Math.max(1, Math.floor(Math.min(560 / width, 560 / height)));
  c.style.width = `${width * scale}px`;
  c.style.height = `${height * scale}px`;
  const ctx = c.getContext('2d');
  if (ctx) paint(ctx);
  if (valueAt) {
    c.addEventListener('mousemove', (ev) => {
      const r = c.getBoundingClientRect();
      const x = Math.floor(((ev.clientX - r.left) / r.width) * width);
      const y = Math.floor(((ev.clientY - r.top) / r.height) * height);
      if (x >= 0 && y >= 0 && x < width && y < height) readout.textContent = fill(strings.zoomHover, { row: y + 1, column: x + 1, value: valueAt(x, y) });
    });
  }
  return c;
}

function closeZoom(): void {
  zoomed = undefined;
  zoomBox.hidden = true;
  zoomBox.replaceChildren();
}

// ---- messages, clicks, keys, theme ----

window.addEventListener('message', (event: MessageEvent<ToRunPage>) => {
  const m = event.data;
  if (m?.type === 'zoom') {
    openZoom(m.image, m.layer, m.channel);
    return;
  }
  if (!m || m.type !== 'show' || !Array.isArray(m.images) || typeof m.body !== 'string') return;
  closeZoom();
  for (const c of charts.splice(0)) c.destroy();
  // The host's HTML (html.ts escapes every text in it); this page's CSP runs no script or handler in it.
  root.innerHTML = m.body;
  drawn = 0;
  images = m.images;
  values.clear();
  const maps = mapCanvases();
  images.forEach((p, i) => drawImage(i, p, maps));
  sizeBars();
  vscode.postMessage({ type: 'drawn', seq: m.seq, canvases: drawn, charts: charts.length });
});

function zoomTarget(t: Element | null): boolean {
  const canvas = t?.closest<HTMLCanvasElement>('canvas.map, canvas.input');
  if (!canvas) return false;
  openZoom(Number(canvas.dataset['image']), Number(canvas.dataset['layer']), Number(canvas.dataset['channel']));
  return true;
}

document.addEventListener('click', (ev) => {
  const t = ev.target instanceof Element ? ev.target : null;
  if (zoomTarget(t)) return;
  const tab = t?.closest<HTMLElement>('[data-tab]');
  if (tab) {
    const n = tab.dataset['tab'];
    document.querySelectorAll<HTMLElement>('[data-tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset['tab'] === n)));
    document.querySelectorAll<HTMLElement>('section[data-section]').forEach((s) => (s.hidden = s.dataset['section'] !== n));
    return;
  }
  const link = t?.closest<HTMLElement>('[data-reveal]');
  if (link) {
    ev.preventDefault();
    vscode.postMessage({ type: 'reveal', index: Number(link.dataset['reveal']) });
  }
});

document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && !zoomBox.hidden) closeZoom();
  else if ((ev.key === 'Enter' || ev.key === ' ') && zoomTarget(ev.target instanceof Element ? ev.target : null)) ev.preventDefault();
});

// VS Code changes the body's class (vscode-light, vscode-dark, vscode-high-contrast…) with the theme:
// the CSS follows by itself, the charts' colours are read once, so they are made again.
new MutationObserver(() => {
  for (const c of charts.splice(0)) c.destroy();
  images.forEach((p, i) => drawChart(i, p));
  if (zoomed) openZoom(zoomed.image, zoomed.layer, zoomed.channel);
  vscode.postMessage({ type: 'themed', charts: charts.length, colour: css('--vscode-charts-blue', '#3794ff') });
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
