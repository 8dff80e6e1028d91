// The graph page's HTML: a toolbar, the drawing area, an overview and a tooltip. The graph itself is
// drawn by the page script (dist/graphWebview.js) from posted data; nothing from the model is in here
// but the escaped title. Colours are the editor theme's CSS variables, so they follow theme changes.
import { escapeHtml, pageShell } from '../pageShell';
import type { MessageId } from '../../../core/src/index';
import { pageStrings, type GraphKey, type Translate } from './strings';

/** `text` translates a message id (the client's `t`); the page's own texts go in as templates. */
export function renderGraphPage(opts: { nonce: string; cspSource: string; scriptUri: string; title: string; text: Translate }): string {
  const e = escapeHtml;
  const x = (key: GraphKey) => e(opts.text(`graph.${key}` as MessageId));
  const body = `<div class="toolbar" role="toolbar" aria-label="${x('toolbar')}">
<button data-action="fit" title="${x('fitTitle')}">${x('fit')}</button>
<button data-action="zoom-in" title="${x('zoomInTitle')}">${x('zoomIn')}</button>
<button data-action="zoom-out" title="${x('zoomOutTitle')}">${x('zoomOut')}</button>
<button data-action="collapse" title="${x('collapseTitle')}">${x('collapse')}</button>
<button data-action="expand" title="${x('expandTitle')}">${x('expand')}</button>
<input id="search" type="search" placeholder="${x('searchPlaceholder')}" aria-label="${x('searchLabel')}">
<span id="found" class="dim" aria-live="polite"></span>
<span class="spacer"></span>
<span id="status" class="dim" aria-live="polite">${x('layingOut')}</span>
<button data-action="overview" title="${x('overviewTitle')}" aria-pressed="true">${x('overview')}</button>
<button data-action="export-svg" title="${x('exportSvgTitle')}">${x('exportSvg')}</button>
<button data-action="export-png" title="${x('exportPngTitle')}">${x('exportPng')}</button>
</div>
<div id="main">
<div id="viewport" tabindex="0" aria-label="${x('viewportLabel')}"><div id="canvas"></div></div>
<div id="side"><div id="overview" aria-hidden="true"><div id="overview-canvas"></div><div id="overview-view"></div></div></div>
</div>
<div id="tip" role="tooltip" hidden></div>
<script nonce="${opts.nonce}" src="${e(opts.scriptUri)}"></script>`;
  const bodyAttributes = `data-strings="${e(JSON.stringify(pageStrings(opts.text)))}"`;
  // l10n-ignore: CSP sources
  return pageShell({ nonce: opts.nonce, title: opts.title, imgSrc: 'blob: data:', style: STYLE, bodyAttributes, body });
}

const STYLE = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { display: flex; flex-direction: column; }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); }
.toolbar { flex: none; flex-wrap: wrap; display: flex; gap: 4px; align-items: center; padding: 4px 6px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.toolbar .spacer { flex: 1; }
button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible, input:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
input { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 4px; width: 14em; }
.dim { color: var(--vscode-descriptionForeground); }
#status { font-size: 90%; padding: 0 4px; white-space: nowrap; }
button[aria-pressed="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
/* The overview has a column of its own beside the drawing, so that it never hides a node. */
#main { flex: 1; min-height: 0; display: flex; }
#viewport { position: relative; flex: 1; min-width: 0; overflow: hidden; cursor: grab; }
#side { flex: none; width: 168px; padding: 8px 8px 0 0; }
body.no-overview #side { display: none; }
#viewport:focus { outline: none; }
#viewport.dragging { cursor: grabbing; }
#canvas { transform-origin: 0 0; position: absolute; left: 0; top: 0; }
#overview { position: relative; width: 160px; height: 240px; overflow: hidden; cursor: pointer; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, #8888)); background: var(--vscode-editorWidget-background); }
#overview rect, #overview path { vector-effect: non-scaling-stroke; stroke-width: 1; }
#overview-canvas { transform-origin: 0 0; position: absolute; left: 0; top: 0; pointer-events: none; }
#overview-view { position: absolute; border: 1px solid var(--vscode-focusBorder); background: color-mix(in srgb, var(--vscode-focusBorder) 12%, transparent); pointer-events: none; }
#tip { position: absolute; max-width: 480px; white-space: pre-wrap; font-family: var(--vscode-editor-font-family); font-size: 12px; padding: 6px 8px; background: var(--vscode-editorHoverWidget-background); color: var(--vscode-editorHoverWidget-foreground); border: 1px solid var(--vscode-editorHoverWidget-border); pointer-events: none; z-index: 10; }
.cnn-graph text { fill: var(--vscode-editor-foreground); }
.cnn-graph .node { cursor: pointer; }
.cnn-graph .node > rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-descriptionForeground)); stroke-width: 1.2; }
.cnn-graph .node.terminal > rect { stroke: var(--vscode-charts-blue); stroke-width: 2; }
.cnn-graph .node.block > rect { stroke: var(--vscode-charts-purple); stroke-width: 1.5; }
.cnn-graph .node.warning > rect { stroke: var(--vscode-editorWarning-foreground); stroke-width: 2; }
.cnn-graph .node.error > rect { fill: color-mix(in srgb, var(--vscode-editorError-foreground) 18%, var(--vscode-editorWidget-background)); stroke: var(--vscode-editorError-foreground); stroke-width: 2.5; }
.cnn-graph .node.nonwhole > rect { stroke-dasharray: 5 3; }
.cnn-graph .node .detail { fill: var(--vscode-descriptionForeground); }
.cnn-graph .node.error .detail { fill: var(--vscode-editorError-foreground); }
.cnn-graph .node.current > rect { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.cnn-graph .node.found > rect { stroke: var(--vscode-editor-findMatchBorder, var(--vscode-focusBorder)); stroke-width: 3; }
.cnn-graph .node:focus { outline: none; }
.cnn-graph .node:focus > rect { stroke: var(--vscode-focusBorder); stroke-width: 3; stroke-dasharray: none; }
.cnn-graph .frame > rect { fill: color-mix(in srgb, var(--vscode-editor-foreground) 4%, transparent); stroke: var(--vscode-descriptionForeground); stroke-dasharray: 4 3; }
.cnn-graph .frame.error > rect { stroke: var(--vscode-editorError-foreground); }
.cnn-graph .frame > text { fill: var(--vscode-descriptionForeground); cursor: pointer; }
.cnn-graph .edge > path { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.2; }
.cnn-graph .edge.mismatch > path { stroke: var(--vscode-editorError-foreground); stroke-width: 2; }
.cnn-graph .edge > rect { fill: var(--vscode-editor-background); opacity: 0.85; }
.cnn-graph .edge > text { fill: var(--vscode-charts-blue); }
.cnn-graph .edge.mismatch > text { fill: var(--vscode-editorError-foreground); }
.cnn-graph .arrow { fill: var(--vscode-descriptionForeground); }
`;
