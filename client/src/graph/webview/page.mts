// The graph page's script, bundled to dist/graphWebview.js (scripts/build.mjs); it runs in the webview.
// It receives the model graph from the extension (which asks the language server: no analysis here),
// lays it out with the same elkjs layout as `cnnshape graph`, and draws the same SVG, whose strings are
// all escaped by the renderer. Zoom, pan and collapsed blocks are the page's state, kept across edits.
import type { GraphLayout } from '../../../../server/src/graph/layout.js';
import { GraphLayoutCache } from '../../../../server/src/graph/layoutCache.js';
import { renderOverviewSvg, renderSvg } from '../../../../server/src/graph/svg.js';
import type { ModelGraph } from '../../../../server/src/graph/types.js';
import { visibleGraph } from '../../../../server/src/graph/visible.js';
import type { FromGraphPage, ToGraphPage } from '../messages.js';
import { fill, type PageStrings } from '../strings.js';

interface PageState {
  scale: number;
  x: number;
  y: number;
  /** Collapsed group ids; null until a graph has chosen the default. */
  collapsed: string[] | null;
  /** The overview shown or hidden by the user; null: shown when the window is wide enough. */
  overview: boolean | null;
}

declare function acquireVsCodeApi(): { postMessage(m: FromGraphPage): void; getState(): unknown; setState(s: PageState): void };
const vscode = acquireVsCodeApi();

/** Above this many layers, blocks start collapsed. */
const COLLAPSE_ABOVE = 300;
/** Above this many boxes, the overview is the frame only. */
const OVERVIEW_MAX = 3000;
/** Narrower than this, the overview starts hidden (its column would take too much of the drawing). */
const OVERVIEW_MIN_WINDOW = 560;
const MIN_SCALE = 0.02;
const MAX_SCALE = 4;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewport = $<HTMLDivElement>('viewport');
const canvas = $<HTMLDivElement>('canvas');
const overview = $<HTMLDivElement>('overview');
const overviewCanvas = $<HTMLDivElement>('overview-canvas');
const overviewView = $<HTMLDivElement>('overview-view');
const tip = $<HTMLDivElement>('tip');
const statusLine = $<HTMLDivElement>('status');
const search = $<HTMLInputElement>('search');
const found = $<HTMLSpanElement>('found');
const overviewButton = document.querySelector<HTMLButtonElement>('button[data-action="overview"]')!;
/** The page's words, from the extension (no English in this script). */
const strings = JSON.parse(document.body.dataset['strings'] ?? '{}') as PageStrings;
/** The previous ELK answer, reused while only texts change (the common keystroke). */
const layouts = new GraphLayoutCache();

const state: PageState = restore();
let graph: ModelGraph | undefined;
let version = -1;
let layout: GraphLayout | undefined;
let highlighted: number[] = [];
let drawing = false;
let queued: { reset: boolean } | undefined;
let hoverLayer = -1;
let overviewScale = 1;

function restore(): PageState {
  const s = vscode.getState() as Partial<PageState> | undefined;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    scale: num(s?.scale, 1), x: num(s?.x, 0), y: num(s?.y, 0),
    collapsed: Array.isArray(s?.collapsed) ? s.collapsed.filter((c): c is string => typeof c === 'string') : null,
    overview: typeof s?.overview === 'boolean' ? s.overview : null,
  };
}

function save(): void {
  vscode.setState(state);
}

window.addEventListener('message', (ev: MessageEvent<ToGraphPage>) => {
  const m = ev.data;
  if (m.type === 'graph') {
    graph = m.graph;
    version = m.version;
    if (m.reset) state.collapsed = null;
    void redraw(m.reset);
  } else if (m.type === 'highlight') {
    highlighted = m.layers;
    applyHighlight(true);
  } else if (m.type === 'hover') {
    if (m.layer === hoverLayer && !tip.hidden) tip.textContent = m.text;
  } else if (m.type === 'click') {
    const el = canvas.querySelector<SVGGElement>(`.node[data-layer="${m.layer}"]`);
    el?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  } else if (m.type === 'act') {
    act(m);
  }
});

/** For tests: what a user does, through the same listeners; then what the page shows. */
function act(m: Extract<ToGraphPage, { type: 'act' }>): void {
  if (m.focus !== undefined) canvas.querySelector<SVGGElement>(`.node[data-id="${CSS.escape(m.focus)}"]`)?.focus();
  if (m.key !== undefined) (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: m.key, bubbles: true, cancelable: true }));
  if (m.search !== undefined) {
    search.value = m.search;
    search.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (m.searchEnter) search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  if (m.button !== undefined) document.querySelector<HTMLButtonElement>(`.toolbar button[data-action="${CSS.escape(m.button)}"]`)?.click();
  const focused = nodeOf(document.activeElement);
  const hits = matches();
  const at = foundAt >= 0 ? hits[foundAt] : undefined;
  const shown = focused ?? at;
  vscode.postMessage({
    type: 'probe', focused: focused?.dataset['id'] ?? null, found: hits.map((h) => h.dataset['id'] ?? ''), foundAt: at?.dataset['id'] ?? null,
    inView: shown !== undefined && shown !== null && isVisible(shown), overview: overviewShown(),
  });
}

/** Draws the current graph; a graph that arrives meanwhile is drawn next (only the latest). */
async function redraw(reset: boolean): Promise<void> {
  if (drawing) {
    queued = { reset: reset || (queued?.reset ?? false) };
    return;
  }
  drawing = true;
  try {
    await draw(reset);
  } catch (e) {
    statusLine.textContent = fill(strings.drawFailed, { error: e instanceof Error ? e.message : String(e) });
    vscode.postMessage({ type: 'error', message: statusLine.textContent });
  } finally {
    drawing = false;
  }
  const next = queued;
  queued = undefined;
  if (next) await redraw(next.reset);
}

async function draw(reset: boolean): Promise<void> {
  if (!graph) return;
  const g = graph;
  const drawnVersion = version;
  const t0 = performance.now();
  if (state.collapsed === null) state.collapsed = g.nodes.length > COLLAPSE_ABOVE ? g.groups.filter((x) => x.kind === 'use').map((x) => x.id) : [];
  const known = new Set(g.groups.map((x) => x.id));
  const collapsed = new Set(state.collapsed.filter((c) => known.has(c)));
  const misses = layouts.misses;
  layout = await layouts.layout(visibleGraph(g, collapsed));
  const cached = layouts.misses === misses;
  const focusedId = nodeOf(document.activeElement)?.dataset['id'];
  const t1 = performance.now();
  const svg = renderSvg(layout, { standalone: false });
  const t2 = performance.now();
  canvas.innerHTML = svg;
  // The SVG's <title>s would show the browser's own tooltip over ours.
  for (const t of Array.from(canvas.querySelectorAll('.node > title'))) t.remove();
  // Keyboard focus stays on the same box across a redraw.
  if (focusedId !== undefined) canvas.querySelector<SVGGElement>(`.node[data-id="${CSS.escape(focusedId)}"]`)?.focus({ preventScroll: true });
  drawOverview();
  if (reset || (state.x === 0 && state.y === 0 && state.scale === 1)) fit();
  else applyTransform();
  applyHighlight(false);
  applySearch();
  const ms = performance.now() - t0;
  const layerNodes = canvas.querySelectorAll('.node[data-layer]:not([data-layer="-1"])').length;
  statusLine.textContent = fill(strings.status, { layers: g.nodes.length - 1, ms: Math.round(ms) });
  const phases = { layout: t1 - t0, svg: t2 - t1, dom: performance.now() - t2 };
  vscode.postMessage({ type: 'shown', version: drawnVersion, layerNodes, red: redLayers(), ms, cached, phases });
  save();
}

function redLayers(): number[] {
  const out: number[] = [];
  for (const el of Array.from(canvas.querySelectorAll<SVGGElement>('.node.error'))) {
    const layer = Number(el.dataset['layer'] ?? -1);
    if (layer >= 0) out.push(layer);
    for (const l of (el.dataset['layers'] ?? '').split(' ')) if (l) out.push(Number(l));
  }
  return out;
}

// ---- zoom, pan, fit, overview

function overviewShown(): boolean {
  return state.overview ?? window.innerWidth >= OVERVIEW_MIN_WINDOW;
}

/** The overview: boxes and edges only, scaled to its box by the SVG's own viewBox (strokes stay thin). */
function drawOverview(): void {
  const shown = overviewShown();
  document.body.classList.toggle('no-overview', !shown);
  overviewButton.setAttribute('aria-pressed', String(shown));
  if (!layout || !shown) return;
  overviewScale = Math.min(overview.clientWidth / Math.max(layout.width, 1), overview.clientHeight / Math.max(layout.height, 1));
  overviewCanvas.innerHTML = layout.items.length <= OVERVIEW_MAX ? renderOverviewSvg(layout) : '';
  const svg = overviewCanvas.querySelector('svg');
  svg?.setAttribute('width', String(layout.width * overviewScale));
  svg?.setAttribute('height', String(layout.height * overviewScale));
}

function toggleOverview(): void {
  state.overview = !overviewShown();
  drawOverview();
  applyTransform();
  save();
}

function applyTransform(): void {
  canvas.style.transform = `translate(${state.x}px, ${state.y}px) scale(${state.scale})`;
  if (!layout) return;
  const o = overviewScale;
  overviewView.style.left = `${(-state.x / state.scale) * o}px`;
  overviewView.style.top = `${(-state.y / state.scale) * o}px`;
  overviewView.style.width = `${(viewport.clientWidth / state.scale) * o}px`;
  overviewView.style.height = `${(viewport.clientHeight / state.scale) * o}px`;
}

function fit(): void {
  if (!layout) return;
  const s = Math.min(viewport.clientWidth / Math.max(layout.width, 1), viewport.clientHeight / Math.max(layout.height, 1), 1.5);
  // A tall network fitted whole is unreadable: fit its width, show its top.
  state.scale = Math.max(Math.min(s < 0.35 ? Math.min(viewport.clientWidth / layout.width, 1) : s, MAX_SCALE), MIN_SCALE);
  state.x = (viewport.clientWidth - layout.width * state.scale) / 2;
  state.y = s < 0.35 ? 8 : (viewport.clientHeight - layout.height * state.scale) / 2;
  applyTransform();
  save();
}

function zoomAt(factor: number, cx: number, cy: number): void {
  const s = Math.min(Math.max(state.scale * factor, MIN_SCALE), MAX_SCALE);
  state.x = cx - ((cx - state.x) * s) / state.scale;
  state.y = cy - ((cy - state.y) * s) / state.scale;
  state.scale = s;
  applyTransform();
  save();
}

function centerOn(el: Element): void {
  const b = (el as SVGGraphicsElement).getBBox?.();
  if (!b) return;
  state.x = viewport.clientWidth / 2 - (b.x + b.width / 2) * state.scale;
  state.y = viewport.clientHeight / 2 - (b.y + b.height / 2) * state.scale;
  applyTransform();
  save();
}

function isVisible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const v = viewport.getBoundingClientRect();
  return r.bottom > v.top && r.top < v.bottom && r.right > v.left && r.left < v.right;
}

viewport.addEventListener('wheel', (e) => {
  e.preventDefault();
  const r = viewport.getBoundingClientRect();
  zoomAt(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), e.clientX - r.left, e.clientY - r.top);
}, { passive: false });

let drag: { x: number; y: number; sx: number; sy: number; moved: boolean } | undefined;
viewport.addEventListener('pointerdown', (e) => {
  if (e.button !== 0) return;
  drag = { x: e.clientX, y: e.clientY, sx: state.x, sy: state.y, moved: false };
});
window.addEventListener('pointermove', (e) => {
  if (!drag) return;
  const dx = e.clientX - drag.x;
  const dy = e.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  drag.moved = true;
  viewport.classList.add('dragging');
  state.x = drag.sx + dx;
  state.y = drag.sy + dy;
  applyTransform();
});
window.addEventListener('pointerup', () => {
  if (drag?.moved) save();
  viewport.classList.remove('dragging');
  // A drag is not a click on the node it ends on.
  setTimeout(() => (drag = undefined), 0);
});

overview.addEventListener('click', (e) => {
  const r = overview.getBoundingClientRect();
  const gx = (e.clientX - r.left) / overviewScale;
  const gy = (e.clientY - r.top) / overviewScale;
  state.x = viewport.clientWidth / 2 - gx * state.scale;
  state.y = viewport.clientHeight / 2 - gy * state.scale;
  applyTransform();
  save();
});
window.addEventListener('resize', () => {
  drawOverview();
  applyTransform();
});

// ---- nodes: click, keyboard, hover

function nodeOf(t: EventTarget | null): SVGGElement | null {
  return t instanceof Element ? t.closest<SVGGElement>('.node') : null;
}

function activate(node: SVGGElement): void {
  const group = node.dataset['group'];
  if (group && node.classList.contains('block')) {
    state.collapsed = (state.collapsed ?? []).filter((c) => c !== group);
    void redraw(false);
    return;
  }
  const layer = Number(node.dataset['layer'] ?? -1);
  if (layer >= 0) vscode.postMessage({ type: 'reveal', layer });
}

canvas.addEventListener('click', (e) => {
  if (drag?.moved) return;
  const node = nodeOf(e.target);
  if (node) {
    activate(node);
    return;
  }
  const frame = e.target instanceof Element && e.target.tagName === 'text' ? e.target.closest<SVGGElement>('.frame') : null;
  const group = frame?.dataset['group'];
  if (group) {
    state.collapsed = [...(state.collapsed ?? []), group];
    void redraw(false);
  }
});

canvas.addEventListener('keydown', (e) => {
  const node = nodeOf(e.target);
  if (!node) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    activate(node);
  } else if (['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
    e.preventDefault();
    const all = Array.from(canvas.querySelectorAll<SVGGElement>('.node'));
    const i = all.indexOf(node);
    const next = all[e.key === 'ArrowDown' || e.key === 'ArrowRight' ? i + 1 : i - 1];
    if (next) {
      next.focus();
      if (!isVisible(next)) centerOn(next);
    }
  }
});

document.addEventListener('keydown', (e) => {
  if (e.target === search) return;
  if (e.key === '+' || e.key === '=') zoomAt(1.25, viewport.clientWidth / 2, viewport.clientHeight / 2);
  else if (e.key === '-') zoomAt(0.8, viewport.clientWidth / 2, viewport.clientHeight / 2);
  else if (e.key === '0') fit();
  else if (e.key === 'o') toggleOverview();
  else if (e.key === '/') {
    e.preventDefault();
    search.focus();
  } else return;
});

canvas.addEventListener('mouseover', (e) => {
  const node = nodeOf(e.target);
  if (!node) return;
  const layer = Number(node.dataset['layer'] ?? -1);
  tip.textContent = node.getAttribute('aria-label') ?? '';
  tip.hidden = false;
  hoverLayer = layer;
  if (layer >= 0) vscode.postMessage({ type: 'hover', layer });
});
canvas.addEventListener('mousemove', (e) => {
  if (tip.hidden) return;
  tip.style.left = `${Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 4)}px`;
  tip.style.top = `${Math.min(e.clientY + 14, window.innerHeight - tip.offsetHeight - 4)}px`;
});
canvas.addEventListener('mouseout', (e) => {
  if (nodeOf(e.relatedTarget)) return;
  tip.hidden = true;
  hoverLayer = -1;
});

// ---- the editor's cursor, search

function applyHighlight(scroll: boolean): void {
  const want = new Set(highlighted);
  let first: SVGGElement | undefined;
  for (const el of Array.from(canvas.querySelectorAll<SVGGElement>('.node'))) {
    const layers = [el.dataset['layer'], ...(el.dataset['layers'] ?? '').split(' ')].filter((x): x is string => !!x).map(Number);
    const on = layers.some((l) => want.has(l));
    el.classList.toggle('current', on);
    if (on) first ??= el;
  }
  if (scroll && first && !isVisible(first)) centerOn(first);
}

function matches(): SVGGElement[] {
  const q = search.value.trim().toLowerCase();
  if (!q || !graph) return [];
  const names = new Map(graph.nodes.map((n) => [n.layer, n.name.toLowerCase()]));
  return Array.from(canvas.querySelectorAll<SVGGElement>('.node')).filter((el) => {
    const layers = [el.dataset['layer'], ...(el.dataset['layers'] ?? '').split(' ')].filter((x): x is string => !!x).map(Number);
    return layers.some((l) => names.get(l)?.includes(q)) || (el.dataset['group'] ?? '').toLowerCase().includes(q);
  });
}

let foundAt = -1;
function applySearch(): void {
  const hits = new Set(matches());
  for (const el of Array.from(canvas.querySelectorAll<SVGGElement>('.node'))) el.classList.toggle('found', hits.has(el));
  found.textContent = search.value.trim() ? fill(strings.found, { count: hits.size }) : '';
}
search.addEventListener('input', () => {
  foundAt = -1;
  applySearch();
});
search.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  const hits = matches();
  if (!hits.length) return;
  foundAt = (foundAt + 1) % hits.length;
  centerOn(hits[foundAt]!);
});

// ---- toolbar and export

for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('.toolbar button'))) {
  b.addEventListener('click', () => {
    const cx = viewport.clientWidth / 2;
    const cy = viewport.clientHeight / 2;
    switch (b.dataset['action']) {
      case 'fit': return fit();
      case 'zoom-in': return zoomAt(1.25, cx, cy);
      case 'zoom-out': return zoomAt(0.8, cx, cy);
      case 'collapse':
        state.collapsed = graph?.groups.filter((x) => x.kind === 'use').map((x) => x.id) ?? [];
        return void redraw(false);
      case 'expand':
        state.collapsed = [];
        return void redraw(false);
      case 'overview':
        return toggleOverview();
      case 'export-svg':
        if (layout) vscode.postMessage({ type: 'export', format: 'svg', data: renderSvg(layout, { standalone: true }) });
        return;
      case 'export-png':
        return void exportPng();
    }
  });
}

vscode.postMessage({ type: 'ready' });

async function exportPng(): Promise<void> {
  if (!layout) return;
  const svg = renderSvg(layout, { standalone: true });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error(strings.svgNotImage));
      img.src = url;
    });
    // Twice the size, within what a canvas takes.
    const scale = Math.min(2, 16000 / Math.max(layout.width, layout.height, 1));
    const c = document.createElement('canvas');
    c.width = Math.max(1, Math.round(layout.width * scale));
    c.height = Math.max(1, Math.round(layout.height * scale));
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error(strings.noCanvas);
    ctx.drawImage(img, 0, 0, c.width, c.height);
    vscode.postMessage({ type: 'export', format: 'png', data: c.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') });
  } catch (e) {
    vscode.postMessage({ type: 'error', message: fill(strings.pngFailed, { error: e instanceof Error ? e.message : String(e) }) });
  } finally {
    URL.revokeObjectURL(url);
  }
}
