// The run result page's HTML, as pure functions of the view (no vscode import: node tests check it).
// Every name, label, path and message from the user's files goes through escapeHtml; the page loads
// only its own script (a local file, nonce'd) and style; pixels and exact values arrive later by
// message (see view.ts), and the page script sets the bars' widths and opens the enlarged view.
import type { Shape } from '../../../core/src/index';
import { escapeHtml, pageShell } from '../pageShell';
import { defaultTr, type Tr } from './tr';
import type { ImageView, RunView, VectorView } from './view';

const e = escapeHtml;

function shape(s: Shape | null): string {
  return s ? `${s.width}×${s.height}×${s.depth}` : '?';
}

export function score(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4);
}

/** A vector's bars: each a label, a bar (its width set by the page script from data-value) and the value. */
function vectorBars(v: VectorView, tr: Tr): string {
  const lo = Math.min(0, ...v.bars.map((b) => b.value));
  const hi = Math.max(0, ...v.bars.map((b) => b.value));
  // An unnamed layer's name is its index: say it once.
  const layer = v.name === String(v.layer) ? v.name : `${v.layer} ${v.name}`;
  const heading = v.bars.length < v.size
    ? tr('run.vectorLargest', { layer, type: v.type, shown: v.bars.length, size: v.size })
    : tr('run.vectorHeading', { layer, type: v.type, size: v.size });
  const rows = v.bars
    .map((b) => `<div class="barrow"><span class="barlabel" title="#${b.index}">${e(b.label)}</span>` +
      `<span class="bartrack"><span class="bar${b.value < 0 ? ' negative' : ''}" data-value="${b.value}" data-lo="${lo}" data-hi="${hi}"></span></span>` +
      `<span class="num barvalue">${score(b.value)}</span></div>`)
    .join('');
  return `<div class="vector" data-layer="${v.layer}"><h4><a href="#" data-reveal="${v.layer}">${e(heading)}</a></h4><div class="bars">${rows}</div></div>`;
}

function resizeNote(im: ImageView, tr: Tr): string {
  const o = im.original;
  if (!o) return '';
  const args = { ow: o.width, oh: o.height, iw: im.inputWidth, ih: im.inputHeight };
  // Proportions kept when scaling both sides alike (to a pixel): only then is it "scaled", else "squashed".
  const same = Math.abs(o.width * im.inputHeight - o.height * im.inputWidth) <= Math.max(o.width, o.height);
  return `<p class="resized">${e(tr(same ? 'run.resized' : 'run.squashed', args))}</p>`;
}

export function renderRunBody(v: RunView, tr: Tr = defaultTr): string {
  const notes: string[] = [];
  notes.push(`<p class="meta">${e(tr('run.meta', { file: v.fileLabel, engine: tr(v.engine === 'native' ? 'run.engineNative' : 'run.engineWasm') }))}</p>`);
  if (v.untrained) notes.push(`<p class="untrained">${e(tr('run.untrained', { seed: v.untrained.seed, layers: v.untrained.layers.join(', ') }))}</p>`);
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
          `<canvas class="map" data-image="${i}" data-layer="${m.index}" data-channel="${c}" width="${m.previewWidth}" height="${m.previewHeight}" title="${e(tr('run.channel', { channel: c }))}" tabindex="0" role="button"></canvas>`).join('');
        const details = [`(${e(m.type)}) ${m.width}×${m.height}×${m.depth}`];
        if (m.channels < m.depth) details.push(e(tr('run.channelsShown', { last: m.channels - 1, depth: m.depth })));
        if (m.previewWidth < m.width) details.push(e(tr('run.shownAt', { width: m.previewWidth, height: m.previewHeight })));
        return `<div class="maplayer"><h4><a class="mapname" href="#" data-reveal="${m.index}">${m.index} ${e(m.name)}</a> ${details.map((d) => `<span class="dim">${d}</span>`).join(' ')}</h4><div class="grid">${cells}</div></div>`;
      })
      .join('\n');
    const vectors = im.vectors.map((x) => vectorBars(x, tr)).join('\n');
    return `<section class="image" data-section="${i}"${i > 0 ? ' hidden' : ''}>
<h2>${e(im.name)}${im.ms !== undefined ? ` <span class="dim">${e(tr('run.imageMs', { ms: im.ms.toFixed(2) }))}</span>` : ''}</h2>
${resizeNote(im, tr)}
<div class="row">
<figure><canvas class="input" data-image="${i}" data-layer="-1" data-channel="0" width="${im.inputWidth}" height="${im.inputHeight}" tabindex="0" role="button" title="${e(tr('run.clickToEnlarge'))}"></canvas>
<figcaption>${e(tr('run.seenAs', { width: im.inputWidth, height: im.inputHeight, colour: tr(im.inputChannels === 1 ? 'run.grey' : 'run.rgb') }))}</figcaption></figure>
<div class="top"><table class="toptable"><thead><tr><th></th><th>${e(tr('run.colLabel'))}</th><th>${e(tr('run.colIndex'))}</th><th></th><th class="num">${e(tr(im.probabilities ? 'run.colProbability' : 'run.colScore'))}</th></tr></thead><tbody>${top}</tbody></table>
<div class="chartbox"><canvas class="chart" data-image="${i}"></canvas></div></div>
</div>
${vectors ? `<h3>${e(tr('run.outputs'))}</h3>\n<div class="vectors">${vectors}</div>` : ''}
${maps ? `<h3>${e(tr('run.featureMaps'))}</h3>\n<p class="dim">${e(tr('run.clickToEnlarge'))}</p>\n${maps}` : ''}
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
<h3>${e(tr('run.layers'))}</h3>
<table class="layers"><thead><tr><th class="num">#</th><th>${e(tr('run.colLayer'))}</th><th>${e(tr('run.colType'))}</th><th>${e(tr('run.colPredicted'))}</th><th>${e(tr('run.colRan'))}</th><th class="num">${e(tr('run.colMs'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="dim">${e(tr('run.msNote'))}</p>`;
}

/** The words the page script shows, by key (the script holds no text of its own). */
export function runPageStrings(tr: Tr = defaultTr) {
  return {
    input: tr('run.input'),
    zoomTitle: tr('run.zoomTitle'),
    zoomRange: tr('run.zoomRange'),
    zoomHover: tr('run.zoomHover'),
    zoomHint: tr('run.zoomHint'),
    zoomNoValues: tr('run.zoomNoValues'),
    close: tr('run.close'),
    channelRange: tr('run.channelRange'),
  };
}
export type RunPageStrings = ReturnType<typeof runPageStrings>;

/**
 * The whole page. `nonce` must be fresh for each page; `scriptUri` is the page script's webview URI;
 * `strings` (templates with {placeholders}) reach the script as escaped JSON in an attribute of the root.
 */
export function renderRunPage(body: string, opts: { nonce: string; cspSource: string; scriptUri: string; title: string; strings?: RunPageStrings; lang?: string }): string {
  const { nonce } = opts;
  const strings = JSON.stringify(opts.strings ?? runPageStrings());
  return pageShell({ nonce, title: opts.title, ...(opts.lang ? { lang: opts.lang } : {}), imgSrc: e(opts.cspSource), style: STYLE, body: `<main id="root" data-strings="${e(strings)}">${body}</main>
<div id="zoom" class="zoom" role="dialog" aria-modal="true" hidden></div>
<script nonce="${nonce}" src="${e(opts.scriptUri)}"></script>` });
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 12px 0 2px; }
h2 { font-size: 1.15em; margin: 14px 0 6px; }
h3 { font-size: 1.05em; margin: 16px 0 6px; }
h4 { font-weight: normal; margin: 10px 0 4px; }
.meta, .dim { color: var(--vscode-descriptionForeground); }
.untrained, .warning, .resized { color: var(--vscode-editorWarning-foreground); }
.error { color: var(--vscode-errorForeground); }
.tabs button { margin: 0 4px 4px 0; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid transparent; padding: 3px 8px; cursor: pointer; }
.tabs button[aria-selected="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
.row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
figure { margin: 0; }
figcaption { color: var(--vscode-descriptionForeground); margin-top: 4px; }
canvas.input { width: 192px; image-rendering: pixelated; border: 1px solid var(--vscode-widget-border, transparent); cursor: zoom-in; }
.chartbox { width: 360px; height: 160px; position: relative; margin-top: 8px; }
table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
th, td { padding: 2px 10px 2px 4px; text-align: left; white-space: nowrap; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 120px; }
tr.differs .shape { color: var(--vscode-errorForeground); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
.grid { display: flex; flex-wrap: wrap; gap: 3px; }
canvas.map { width: 64px; height: auto; image-rendering: pixelated; background: #000; cursor: zoom-in; border: 1px solid transparent; }
canvas.map:hover, canvas.map:focus, canvas.input:focus { border-color: var(--vscode-focusBorder); outline: none; }
.vectors { display: flex; flex-wrap: wrap; gap: 8px 32px; }
.barrow { display: grid; grid-template-columns: minmax(3em, max-content) 200px 6em; gap: 8px; align-items: center; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
.barlabel { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 14em; }
.bartrack { position: relative; height: 12px; background: var(--vscode-editorWidget-background, transparent); border: 1px solid var(--vscode-widget-border, transparent); }
.bar { position: absolute; top: 0; bottom: 0; background: var(--vscode-charts-blue, #3794ff); }
.bar.negative { background: var(--vscode-charts-red, #f14c4c); }
.zoom { position: fixed; inset: 24px; overflow: auto; z-index: 10; padding: 12px 16px; color: var(--vscode-editorWidget-foreground, var(--vscode-foreground)); background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, transparent)); box-shadow: 0 4px 16px var(--vscode-widget-shadow, rgba(0,0,0,0.4)); }
.zoom header { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; }
.zoom h2 { margin: 0 0 4px; }
.zoom button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
.zoom table.cells td { width: 3.2em; height: 2.2em; text-align: center; padding: 0; border: 1px solid var(--vscode-editorWidget-border, var(--vscode-widget-border, rgba(128,128,128,0.4))); font-variant-numeric: tabular-nums; }
.zoom canvas.big { image-rendering: pixelated; border: 1px solid var(--vscode-widget-border, transparent); cursor: crosshair; }
.zoom .readout { font-family: var(--vscode-editor-font-family); min-height: 1.5em; margin: 6px 0; }
`;
