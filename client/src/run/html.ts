// The run result page's HTML, as pure functions of the view (no vscode import: node tests check it).
// Every name, label, path and message from the user's files goes through escapeHtml; the page loads
// only its own script (a local file, nonce'd) and style; pixels arrive later by message (see view.ts).
import type { Shape } from '../../../core/src/index';
import { escapeHtml } from '../summary/html';
import type { RunView } from './view';

const e = escapeHtml;

function shape(s: Shape | null): string {
  return s ? `${s.width}×${s.height}×${s.depth}` : '?';
}

function score(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4);
}

export function renderRunBody(v: RunView): string {
  const notes: string[] = [];
  notes.push(`<p class="meta">${e(v.fileLabel)} — engine: ${v.engine === 'native' ? 'onnxruntime (native)' : 'onnxruntime-web (WebAssembly)'}</p>`);
  if (v.untrained) {
    notes.push(`<p class="untrained">Untrained: He initialisation (seed ${v.untrained.seed}) for layer${v.untrained.layers.length > 1 ? 's' : ''} ${v.untrained.layers.join(', ')}. The scores mean nothing until the model has weights.</p>`);
  }
  for (const w of v.warnings) notes.push(`<p class="warning">${e(w)}</p>`);
  for (const x of v.errors) notes.push(`<p class="error">${e(x.error)}</p>`);

  const tabs = v.images.length > 1
    ? `<nav class="tabs" role="tablist">${v.images.map((im, i) => `<button role="tab" data-tab="${i}" aria-selected="${i === 0}" title="${e(im.path)}">${e(im.name)}</button>`).join('')}</nav>`
    : '';

  const sections = v.images.map((im, i) => {
    const lo = Math.min(...im.top.map((t) => t.score));
    const hi = Math.max(...im.top.map((t) => t.score));
    const bar = (s: number) => (im.probabilities ? s : hi > lo ? (s - lo) / (hi - lo) : 1);
    const top = im.top
      .map((t, r) => `<tr><td class="num">${r + 1}.</td><td>${t.label !== undefined ? e(t.label) : ''}</td><td class="dim">#${t.index}</td>` +
        `<td><meter min="0" max="1" value="${bar(t.score).toFixed(4)}"></meter></td><td class="num">${score(t.score)}</td></tr>`)
      .join('');
    const maps = v.mapLayers
      .map((m) => {
        const cells = Array.from({ length: m.channels }, (_, c) =>
          `<canvas class="map" data-image="${i}" data-layer="${m.index}" data-channel="${c}" width="${m.previewWidth}" height="${m.previewHeight}" title="channel ${c}"></canvas>`).join('');
        const shown = m.channels < m.depth ? ` — channels 0–${m.channels - 1} of ${m.depth}` : '';
        const sub = m.previewWidth < m.width ? `, shown at ${m.previewWidth}×${m.previewHeight}` : '';
        return `<div class="maplayer"><h4><a href="#" data-reveal="${m.index}">${m.index} ${e(m.name)}</a> <span class="dim">(${e(m.type)}) ${m.width}×${m.height}×${m.depth}${shown}${sub}</span></h4><div class="grid">${cells}</div></div>`;
      })
      .join('\n');
    return `<section class="image" data-section="${i}"${i > 0 ? ' hidden' : ''}>
<h2>${e(im.name)}${im.ms !== undefined ? ` <span class="dim">${im.ms.toFixed(2)} ms</span>` : ''}</h2>
<div class="row">
<figure><canvas class="input" data-image="${i}" width="${im.inputWidth}" height="${im.inputHeight}"></canvas>
<figcaption>as the network sees it: ${im.inputWidth}×${im.inputHeight}, ${im.inputChannels === 1 ? 'grey' : 'RGB'}</figcaption></figure>
<div class="top"><table class="toptable"><thead><tr><th></th><th>label</th><th>index</th><th></th><th class="num">${im.probabilities ? 'probability' : 'score'}</th></tr></thead><tbody>${top}</tbody></table>
<div class="chartbox"><canvas class="chart" data-image="${i}"></canvas></div></div>
</div>
${maps ? `<h3>Feature maps</h3>\n${maps}` : ''}
</section>`;
  });

  const rows = v.layers
    .map((l) => {
      const differs = l.predicted !== null && shape(l.predicted) !== shape(l.output);
      return `<tr${differs ? ' class="differs"' : ''}><td class="num">${l.index}</td><td><a href="#" data-reveal="${l.index}">${e(l.name)}</a></td><td>${e(l.type)}</td>` +
        `<td class="shape">${shape(l.predicted)}</td><td class="shape">${shape(l.output)}${differs ? ' ≠' : ''}</td><td class="num">${l.ms === null ? '–' : l.ms.toFixed(3)}</td></tr>`;
    })
    .join('\n');

  return `<h1>${e(v.title)}</h1>
${notes.join('\n')}
${tabs}
${sections.join('\n')}
<h3>Layers</h3>
<table class="layers"><thead><tr><th class="num">#</th><th>layer</th><th>type</th><th>predicted</th><th>ran</th><th class="num">ms</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="dim">ms: onnxruntime's kernel time for the layer, median over the images after a warm-up pass.</p>`;
}

/** The whole page. `nonce` must be fresh for each page; `scriptUri` is the page script's webview URI. */
export function renderRunPage(body: string, opts: { nonce: string; cspSource: string; scriptUri: string; title: string }): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(opts.nonce)) throw new Error('nonce must be base64');
  const { nonce } = opts;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${e(opts.cspSource)}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${e(opts.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="root">${body}</main>
<script nonce="${nonce}" src="${e(opts.scriptUri)}"></script>
</body>
</html>`;
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 12px 0 2px; }
h2 { font-size: 1.15em; margin: 14px 0 6px; }
h3 { font-size: 1.05em; margin: 16px 0 6px; }
h4 { font-weight: normal; margin: 10px 0 4px; }
.meta, .dim { color: var(--vscode-descriptionForeground); }
.untrained, .warning { color: var(--vscode-editorWarning-foreground); }
.error { color: var(--vscode-errorForeground); }
.tabs button { margin: 0 4px 4px 0; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid transparent; padding: 3px 8px; cursor: pointer; }
.tabs button[aria-selected="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
.row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
figure { margin: 0; }
figcaption { color: var(--vscode-descriptionForeground); margin-top: 4px; }
canvas.input { width: 192px; image-rendering: pixelated; border: 1px solid var(--vscode-widget-border, transparent); }
.chartbox { width: 360px; height: 160px; position: relative; margin-top: 8px; }
table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
th, td { padding: 2px 10px 2px 4px; text-align: left; white-space: nowrap; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 120px; }
tr.differs .shape { color: var(--vscode-errorForeground); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
.grid { display: flex; flex-wrap: wrap; gap: 3px; }
canvas.map { width: 48px; height: auto; image-rendering: pixelated; background: #000; }
`;
