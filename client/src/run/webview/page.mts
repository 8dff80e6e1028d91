// The run result page's script: an ES module because chart.js is one, bundled with it to
// dist/runWebview.js by scripts/build.mjs; it runs in the webview, not in Node. The HTML arrives
// complete and escaped; this script only draws pixels and the chart from the posted data, switches
// between images, and asks the extension to reveal a layer. Labels reach the chart as data (drawn as
// canvas text), never as markup.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { FromRunPage, ImagePixels, ToRunPage } from '../view.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

declare function acquireVsCodeApi(): { postMessage(m: FromRunPage): void };
const vscode = acquireVsCodeApi();
const charts: Chart[] = [];

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

function drawImage(i: number, p: ImagePixels): void {
  const input = document.querySelector<HTMLCanvasElement>(`canvas.input[data-image="${i}"]`);
  if (input) {
    draw(input, p.seen.width, p.seen.height, p.seen.channels, bytes(p.seen.b64));
    drawn++;
  }
  for (const m of p.maps) {
    const data = bytes(m.b64);
    for (let c = 0; c < m.channels; c++) {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas.map[data-image="${i}"][data-layer="${m.layer}"][data-channel="${c}"]`);
      if (!canvas) continue;
      draw(canvas, m.width, m.height, 1, data, c * m.width * m.height);
      drawn++;
      const [lo, hi] = m.ranges[c] ?? [0, 0];
      canvas.title = `channel ${c}: ${lo.toPrecision(3)} … ${hi.toPrecision(3)}`;
    }
  }
  const chartCanvas = document.querySelector<HTMLCanvasElement>(`canvas.chart[data-image="${i}"]`);
  if (chartCanvas) {
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
}

window.addEventListener('message', (event: MessageEvent<ToRunPage>) => {
  const m = event.data;
  if (!m || m.type !== 'pixels' || !Array.isArray(m.images)) return;
  for (const c of charts.splice(0)) c.destroy();
  drawn = 0;
  m.images.forEach((p, i) => drawImage(i, p));
  vscode.postMessage({ type: 'drawn', canvases: drawn, charts: charts.length });
});

document.addEventListener('click', (ev) => {
  const t = ev.target instanceof Element ? ev.target : null;
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

vscode.postMessage({ type: 'ready' });
