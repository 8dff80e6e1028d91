// The "Explain this layer" page's script, bundled to dist/explainWebview.js (scripts/build.mjs). It
// draws what the language server computed (cnnShape/explain): the padded input grid, the window
// stepping by the stride (animated), the output grid filling cell by cell, the pixels no window reads,
// the window over the edge, depth and receptive field, and the fixes (Try redraws with the fix's
// numbers, Apply asks the extension to edit the file). It analyses nothing. Text comes from the host's
// strings; model text only ever goes into textContent.
import type { ExplainAxis, ExplainedLayer, ExplainResult } from '../../../../server/src/lsp/customRequests.js';
import type { ControlAction, ExplainDrawn, ExplainStrings, FromExplainPage, ToExplainPage } from '../messages.js';
import { drawnCells, EDGE_CELLS, scale, type Scale } from './scale.js';

declare function acquireVsCodeApi(): { postMessage(m: FromExplainPage): void };
const vscode = acquireVsCodeApi();

const SVG = 'http://www.w3.org/2000/svg';
/** Room around a grid for the pixel numbers. */
const MARGIN = 22;
/** The grids' sizes follow the panel's width: side by side when there is room. */
function gridSizes(): { input: number; output: number } {
  const avail = Math.max(document.body.clientWidth - 30, 280);
  // Side by side: both grids' margins, the gap between them, and room for a window over the edge.
  const usable = avail - 4 * MARGIN - 28 - 40;
  return usable >= 420 ? { input: Math.min(usable * 0.62, 560), output: Math.min(usable * 0.38, 320) } : { input: avail - 2 * MARGIN - 40, output: (avail - 2 * MARGIN) * 0.6 };
}

const root = document.getElementById('root')!;
let answer: ExplainResult | undefined;
let S: ExplainStrings = {};
let trying: number | null = null;
let step = 0;
let playing = false;
let speed = 4;
let timer: ReturnType<typeof setInterval> | undefined;
/** What updateStep() redraws; set by render(). */
let live: Live | undefined;
let drawn: Omit<ExplainDrawn, 'step' | 'playing'> | undefined;

interface Live {
  layer: ExplainedLayer;
  sx: Scale;
  sy: Scale;
  win: SVGGElement;
  outCells: Array<{ el: SVGRectElement; i: number }>;
  stepText: HTMLElement;
  playButton: HTMLButtonElement;
}

/** A template with its `{name}` placeholders filled. */
function f(key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const template = S[key] ?? key;
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function rect(parent: Element, x0: number, y0: number, x1: number, y1: number, cls: string): SVGRectElement {
  return svg('rect', { x: x0, y: y0, width: Math.max(x1 - x0, 0.5), height: Math.max(y1 - y0, 0.5), class: cls }, parent);
}

/** Positions along one axis of L cells: all of them, or the ends to scale and the middle squeezed. */
function current(): ExplainedLayer | null {
  if (!answer) return null;
  return trying !== null ? (answer.fixes[trying]?.after ?? null) : answer.layer;
}

function total(l: ExplainedLayer): number {
  return Math.max(l.axes.width.output, 0) * Math.max(l.axes.height.output, 0);
}

/** Counts as the hovers and the summary print them: 34,944. */
const grouped = (n: number) => n.toLocaleString('en-US');
const padded = (a: ExplainAxis) => a.padBefore + a.input + a.padAfter;
const shape = (s: { width: number; height: number; depth: number }) => `${s.width}×${s.height}×${s.depth}`;

window.addEventListener('message', (ev: MessageEvent<ToExplainPage>) => {
  const m = ev.data;
  if (m.type === 'explain') {
    const sameLayer = answer?.layerIndex === m.answer.layerIndex && answer.uri === m.answer.uri;
    answer = m.answer;
    S = m.strings;
    trying = null;
    if (!sameLayer) step = 0;
    render();
  } else if (m.type === 'press') control(m.control);
  else if (m.type === 'pressFix') root.querySelector<HTMLButtonElement>(`button[data-fix="${m.fix}"][data-button="${m.button}"]`)?.click();
  else if (m.type === 'pressBack') root.querySelector<HTMLButtonElement>('button[data-back]')?.click();
});

function render(): void {
  root.replaceChildren();
  live = undefined;
  drawn = undefined;
  const l = current();
  if (!answer || !l) {
    root.append(el('p', 'dim', answer?.reason ?? f('noLayerPage')));
    report();
    return;
  }
  step = Math.min(step, Math.max(total(l) - 1, 0));
  const heading = el('h1');
  const link = el('a', undefined, f('heading', { label: l.label, input: shape(l.input), output: shape(l.output) }));
  link.addEventListener('click', () => vscode.postMessage({ type: 'reveal' }));
  heading.append(link);
  root.append(heading);
  if (trying !== null) {
    const banner = el('div', 'banner');
    banner.append(el('span', undefined, f('showing', { title: answer.fixes[trying]?.title ?? '' })));
    const back = el('button', undefined, f('backToFile'));
    back.dataset['back'] = '1';
    back.addEventListener('click', () => {
      trying = null;
      render();
    });
    banner.append(back);
    root.append(banner);
  }
  const arithmetic = [f('axisWidth', { arithmetic: l.axes.width.arithmetic }), f('axisHeight', { arithmetic: l.axes.height.arithmetic })];
  root.append(el('p', 'dim', f('formula')));
  for (const line of arithmetic) root.append(el('p', 'mono', line));
  for (const line of verdict(l)) root.append(el('p', line.bad ? 'bad' : 'ok', line.text));
  root.append(legend());
  const { sx, sy, input } = inputGrid(l);
  const out = outputGrid(l);
  const grids = el('div', 'grids');
  grids.append(input, out.box);
  root.append(grids);
  if (sx.cropped || sy.cropped) {
    const big = sx.length >= sy.length ? sx : sy;
    root.append(el('p', 'dim', f('crop', { first: EDGE_CELLS, last: EDGE_CELLS, total: big.length })));
  }
  const { bar, stepText, playButton } = controls();
  root.append(bar);
  root.append(...fixes(), ...depth(l), ...field(l));
  live = { layer: l, sx, sy, win: input.querySelector<SVGGElement>('g.windows')!, outCells: out.cells, stepText, playButton };
  const ax = l.axes;
  drawn = {
    version: answer.version,
    layerIndex: answer.layerIndex,
    trying,
    input: [l.input.width, l.input.height],
    padding: { top: ax.height.padBefore, bottom: ax.height.padAfter, left: ax.width.padBefore, right: ax.width.padAfter },
    output: [ax.width.output, ax.height.output],
    cells: {
      input: input.querySelectorAll('rect.px').length,
      padding: input.querySelectorAll('rect.pad').length,
      uncovered: input.querySelectorAll('rect.uncovered').length,
      output: out.cells.length,
      filled: 0,
    },
    cropped: sx.cropped || sy.cropped,
    overhang: { across: false, down: false },
    total: total(l),
    fixes: answer.fixes.map((x) => x.title),
    arithmetic,
    field: fieldSentence(l),
  };
  updateStep();
}

/** What is wrong (or right) with the size, in lines. */
function verdict(l: ExplainedLayer): Array<{ text: string; bad: boolean }> {
  const { width: w, height: h } = l.axes;
  if (w.whole && h.whole && !w.overhang && !h.overhang) return [{ text: f('whole', { w: w.output, h: h.output }), bad: false }];
  const out: Array<{ text: string; bad: boolean }> = [];
  if (!w.whole || !h.whole) {
    const exact = w.exactText === h.exactText ? w.exactText : `${w.exactText} × ${h.exactText}`;
    out.push({ text: f('notWhole', { exact }), bad: true });
  }
  if (w.overhang) out.push({ text: f('overhangCols', { start: w.overhang.start + 1, beyond: w.overhang.beyond }), bad: true });
  if (h.overhang) out.push({ text: f('overhangRows', { start: h.overhang.start + 1, beyond: h.overhang.beyond }), bad: true });
  if (w.uncovered) out.push({ text: f('uncoveredCols', { n: w.uncovered }), bad: true });
  if (h.uncovered) out.push({ text: f('uncoveredRows', { n: h.uncovered }), bad: true });
  return out;
}

function legend(): HTMLElement {
  const box = el('div', 'legend');
  for (const [cls, key] of [['px', 'legendInput'], ['pad', 'legendPadding'], ['window', 'legendWindow'], ['uncovered', 'legendUncovered'], ['overhang', 'legendOverhang']] as const) {
    const item = el('span');
    const s = svg('svg', { width: 16, height: 16 });
    rect(s, 2, 2, 14, 14, cls);
    item.append(s, document.createTextNode(f(key)));
    box.append(item);
  }
  return box;
}

function inputGrid(l: ExplainedLayer): { sx: Scale; sy: Scale; input: HTMLElement } {
  const { width: ax, height: ay } = l.axes;
  const lx = padded(ax);
  const ly = padded(ay);
  const cell = Math.max(5, Math.min(24, Math.floor(gridSizes().input / Math.max(drawnCells(lx), drawnCells(ly)))));
  const sx = scale(lx, cell);
  const sy = scale(ly, cell);
  const extraX = ax.overhang ? Math.max(ax.overhang.start + ax.span - lx, 0) : 0;
  const extraY = ay.overhang ? Math.max(ay.overhang.start + ay.span - ly, 0) : 0;
  const width = sx.pos(lx) + extraX * cell + 2 * MARGIN;
  const height = sy.pos(ly) + extraY * cell + 2 * MARGIN;
  const box = el('div');
  const pad = ax.padBefore === ax.padAfter && ay.padBefore === ay.padAfter && ax.padBefore === ay.padBefore ? String(ax.padBefore) : `${ax.padBefore}+${ax.padAfter} × ${ay.padBefore}+${ay.padAfter}`;
  box.append(el('div', 'grid-title', f('inputGrid', { w: l.input.width, h: l.input.height, p: pad })));
  const s = svg('svg', { width, height, role: 'img', 'aria-label': f('inputGrid', { w: l.input.width, h: l.input.height, p: pad }) });
  const g = svg('g', { transform: `translate(${MARGIN},${MARGIN})` }, s);
  const cells = svg('g', { class: 'cells' }, g);
  for (const r of sy.indices()) {
    for (const c of sx.indices()) {
      const uncovered = c >= lx - ax.uncovered || r >= ly - ay.uncovered;
      const inside = c >= ax.padBefore && c < ax.padBefore + ax.input && r >= ay.padBefore && r < ay.padBefore + ay.input;
      rect(cells, sx.pos(c), sy.pos(r), sx.pos(c + 1), sy.pos(r + 1), uncovered ? 'uncovered' : inside ? 'px' : 'pad');
    }
  }
  if (sx.cropped) gapBand(g, sx.pos(EDGE_CELLS), 0, sx.pos(lx - EDGE_CELLS), sy.pos(ly), '⋯');
  if (sy.cropped) gapBand(g, 0, sy.pos(EDGE_CELLS), sx.pos(lx), sy.pos(ly - EDGE_CELLS), '⋮');
  // The input's own edge (inside the padding).
  rect(g, sx.pos(ax.padBefore), sy.pos(ay.padBefore), sx.pos(ax.padBefore + ax.input), sy.pos(ay.padBefore + ay.input), 'edge');
  axisLabels(g, sx, sy, ax, ay);
  svg('g', { class: 'windows' }, g);
  box.append(s);
  return { sx, sy, input: box };
}

function gapBand(g: SVGGElement, x0: number, y0: number, x1: number, y1: number, mark: string): void {
  rect(g, x0, y0, x1, y1, 'gap');
  const t = svg('text', { x: (x0 + x1) / 2, y: (y0 + y1) / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, g);
  t.textContent = mark;
}

/** Column numbers (1-based, input pixels) at the input's first and last column and row. */
function axisLabels(g: SVGGElement, sx: Scale, sy: Scale, ax: ExplainAxis, ay: ExplainAxis): void {
  const label = (x: number, y: number, text: string, anchor: string) => {
    const t = svg('text', { x, y, 'text-anchor': anchor, 'font-size': 10, class: 'dim' }, g);
    t.textContent = text;
  };
  label(sx.pos(ax.padBefore + 0.5), -6, '1', 'middle');
  label(sx.pos(ax.padBefore + ax.input - 0.5), -6, String(ax.input), 'middle');
  label(-4, sy.pos(ay.padBefore + 0.5) + 3, '1', 'end');
  label(-4, sy.pos(ay.padBefore + ay.input - 0.5) + 3, String(ay.input), 'end');
}

function outputGrid(l: ExplainedLayer): { box: HTMLElement; cells: Array<{ el: SVGRectElement; i: number }> } {
  const w = Math.max(l.axes.width.output, 0);
  const h = Math.max(l.axes.height.output, 0);
  const cell = Math.max(5, Math.min(24, Math.floor(gridSizes().output / Math.max(drawnCells(w), drawnCells(h), 1))));
  const sx = scale(w, cell);
  const sy = scale(h, cell);
  const box = el('div');
  box.append(el('div', 'grid-title', f('outputGrid', { w, h })));
  const s = svg('svg', { width: sx.pos(w) + 2 * MARGIN, height: sy.pos(h) + 2 * MARGIN, role: 'img', 'aria-label': f('outputGrid', { w, h }) });
  const g = svg('g', { transform: `translate(${MARGIN},${MARGIN})` }, s);
  const cells: Array<{ el: SVGRectElement; i: number }> = [];
  for (const r of sy.indices()) {
    for (const c of sx.indices()) {
      cells.push({ el: rect(g, sx.pos(c), sy.pos(r), sx.pos(c + 1), sy.pos(r + 1), 'out'), i: r * w + c });
    }
  }
  if (sx.cropped) gapBand(g, sx.pos(EDGE_CELLS), 0, sx.pos(w - EDGE_CELLS), sy.pos(h), '⋯');
  if (sy.cropped) gapBand(g, 0, sy.pos(EDGE_CELLS), sx.pos(w), sy.pos(h - EDGE_CELLS), '⋮');
  box.append(s);
  return { box, cells };
}

function controls(): { bar: HTMLElement; stepText: HTMLElement; playButton: HTMLButtonElement } {
  const bar = el('div', 'controls');
  let playButton: HTMLButtonElement | undefined;
  for (const action of ['first', 'back', 'play', 'step', 'last'] as const) {
    const b = el('button');
    b.append(icon(action));
    b.title = f(action);
    b.setAttribute('aria-label', f(action));
    b.dataset['control'] = action;
    b.addEventListener('click', () => control(action === 'play' && playing ? 'pause' : action));
    if (action === 'play') playButton = b;
    bar.append(b);
  }
  const speedLabel = el('label', 'dim', f('speed'));
  const range = el('input');
  range.type = 'range';
  range.min = '1';
  range.max = '30';
  range.value = String(speed);
  range.addEventListener('input', () => {
    speed = Number(range.value);
    if (playing) startTimer();
  });
  speedLabel.append(range);
  const stepText = el('span', 'dim');
  bar.append(speedLabel, stepText);
  return { bar, stepText, playButton: playButton! };
}

/** The controls' pictures, drawn (a font may lack ⏮ and ⏭). */
const ICONS: Record<ControlAction, string> = {
  first: 'M1 2h2v12H1z M9 2v12L3 8z M15 2v12L9 8z',
  back: 'M12 2v12L4 8z',
  play: 'M4 2v12l9-6z',
  pause: 'M4 2h3v12H4z M9 2h3v12H9z',
  step: 'M3 2v12l8-6z M12 2h2v12h-2z',
  last: 'M1 2v12l6-6z M7 2v12l6-6z M13 2h2v12h-2z',
};

function icon(action: ControlAction): SVGSVGElement {
  const s = svg('svg', { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': 'true' });
  svg('path', { d: ICONS[action], class: 'icon' }, s);
  return s;
}

function control(action: ControlAction): void {
  const l = live?.layer;
  if (!l) return;
  const n = total(l);
  if (action === 'first') step = 0;
  else if (action === 'back') step = Math.max(step - 1, 0);
  else if (action === 'step') step = Math.min(step + 1, Math.max(n - 1, 0));
  else if (action === 'last') step = Math.max(n - 1, 0);
  if (action === 'play') {
    if (step >= n - 1) step = 0;
    playing = true;
    startTimer();
  } else if (action !== 'step' || step >= n - 1) stopTimer();
  updateStep();
}

function startTimer(): void {
  if (timer !== undefined) clearInterval(timer);
  timer = setInterval(() => {
    const l = live?.layer;
    if (!l || step >= total(l) - 1) {
      stopTimer();
      updateStep();
      return;
    }
    step++;
    updateStep();
  }, 1000 / speed);
}

function stopTimer(): void {
  playing = false;
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
}

/** Moves the window to the current step, fills the output up to it and draws the windows over the edge. */
function updateStep(): void {
  if (!live || !drawn) {
    report();
    return;
  }
  const { layer: l, sx, sy, win } = live;
  const { width: ax, height: ay } = l.axes;
  const n = total(l);
  win.replaceChildren();
  let filled = 0;
  if (n > 0) {
    const col = step % ax.output;
    const row = Math.floor(step / ax.output);
    const x = col * ax.stride;
    const y = row * ay.stride;
    // Over the edge: across at this row, down at this column (the next window, or the last one under ceil).
    drawn.overhang = { across: false, down: false };
    if (ax.overhang) {
      rect(win, sx.pos(ax.overhang.start), sy.pos(y), sx.pos(ax.overhang.start + ax.span), sy.pos(y + ay.span), 'overhang');
      drawn.overhang.across = true;
    }
    if (ay.overhang) {
      rect(win, sx.pos(x), sy.pos(ay.overhang.start), sx.pos(x + ax.span), sy.pos(ay.overhang.start + ay.span), 'overhang');
      drawn.overhang.down = true;
    }
    rect(win, sx.pos(x), sy.pos(y), sx.pos(x + ax.span), sy.pos(y + ay.span), 'window');
    if ((ax.dilation > 1 || ay.dilation > 1) && ax.kernel * ay.kernel <= 49) {
      for (let i = 0; i < ay.kernel; i++) {
        for (let j = 0; j < ax.kernel; j++) {
          const cx = x + j * ax.dilation;
          const cy = y + i * ay.dilation;
          rect(win, sx.pos(cx) + 2, sy.pos(cy) + 2, sx.pos(cx + 1) - 2, sy.pos(cy + 1) - 2, 'tap');
        }
      }
    }
    for (const c of live.outCells) {
      c.el.setAttribute('class', c.i < step ? 'out filled' : c.i === step ? 'out current' : 'out');
      if (c.i <= step) filled++;
    }
    live.stepText.textContent = f('stepOf', { n: step + 1, total: n, row: row + 1, col: col + 1 });
  }
  live.playButton.replaceChildren(icon(playing ? 'pause' : 'play'));
  live.playButton.title = f(playing ? 'pause' : 'play');
  drawn.cells.filled = filled;
  report();
}

function depth(l: ExplainedLayer): HTMLElement[] {
  const d = l.input.depth;
  let text: string;
  if (l.filters === null || !l.weights) text = f('depthPool', { d });
  else if (l.groups > 1) text = f('depthConvGroups', { d, g: l.groups, k: l.filters, dg: Math.floor(d / l.groups), fw: l.axes.width.kernel, fh: l.axes.height.kernel, total: grouped(l.weights.total) });
  else text = f('depthConv', { k: l.filters, fw: l.axes.width.kernel, fh: l.axes.height.kernel, d, perFilter: grouped(l.weights.perFilter), biases: grouped(l.weights.biases), total: grouped(l.weights.total) });
  const s = svg('svg', { width: 420, height: 96, role: 'img', 'aria-label': text });
  stack(s, 10, 20, 40, Math.min(d, 6), shape(l.input));
  if (l.filters !== null) {
    const shown = Math.min(l.filters, 4);
    for (let i = 0; i < shown; i++) stack(s, 120 + i * 34, 34, 18, Math.min(d, 4), '', 'filter');
    label(s, 120, 90, `${l.filters} × ${l.axes.width.kernel}×${l.axes.height.kernel}×${Math.floor(d / l.groups)}${l.filters > shown ? ' …' : ''}`);
  }
  svg('path', { d: 'M 270 44 L 300 44 M 294 39 L 300 44 L 294 49', class: 'arrow' }, s);
  stack(s, 320, 20, 40, Math.min(l.output.depth, 6), shape(l.output));
  return [el('h2', undefined, f('depthTitle')), el('p', undefined, text), wrap(s)];
}

/** A stack of `n` squares (channels), seen at a slant, with a label under it. */
function stack(s: SVGSVGElement, x: number, y: number, size: number, n: number, text: string, cls = 'slab'): void {
  for (let i = n - 1; i >= 0; i--) rect(s, x + i * 5, y - i * 4 + 16, x + i * 5 + size, y - i * 4 + 16 + size, cls);
  if (text) label(s, x, y + size + 30, text);
}

function label(s: SVGSVGElement, x: number, y: number, text: string): void {
  const t = svg('text', { x, y, 'font-size': 11 }, s);
  t.textContent = text;
}

function wrap(s: SVGSVGElement): HTMLElement {
  const d = el('div');
  d.append(s);
  return d;
}

function fieldSentence(l: ExplainedLayer): string {
  const fl = l.field;
  const b = l.fieldBefore;
  if (!fl) return f('fieldUnknown');
  const [fh, fw] = fl.size;
  if (!b || (b.size[0] === 1 && b.size[1] === 1 && b.jump[0] === 1 && b.jump[1] === 1)) return f('fieldFirst', { fw, fh });
  return f('fieldLater', { fw, fh, bw: b.size[1], bh: b.size[0], jw: b.jump[1], jh: b.jump[0], kw: l.axes.width.span, kh: l.axes.height.span });
}

/** The field on the network input, with the parts the window's first and last taps see. */
function field(l: ExplainedLayer): HTMLElement[] {
  const sentence = fieldSentence(l);
  const out: HTMLElement[] = [el('h2', undefined, f('fieldTitle')), el('p', undefined, sentence)];
  const fl = l.field;
  if (!fl) return out;
  const [fh, fw] = fl.size;
  const cell = Math.max(2, Math.min(14, Math.floor(160 / Math.max(fw, fh))));
  const s = svg('svg', { width: fw * cell + 20, height: fh * cell + 20, role: 'img', 'aria-label': sentence });
  const g = svg('g', { transform: 'translate(10,10)' }, s);
  rect(g, 0, 0, fw * cell, fh * cell, 'field');
  if (fw <= 40 && fh <= 40) for (let i = 1; i < fw; i++) svg('line', { x1: i * cell, y1: 0, x2: i * cell, y2: fh * cell, class: 'arrow', 'stroke-opacity': 0.3 }, g);
  if (fw <= 40 && fh <= 40) for (let i = 1; i < fh; i++) svg('line', { x1: 0, y1: i * cell, x2: fw * cell, y2: i * cell, class: 'arrow', 'stroke-opacity': 0.3 }, g);
  const b = l.fieldBefore;
  if (b && (b.size[0] > 1 || b.size[1] > 1)) {
    const [bh, bw] = b.size;
    rect(g, 0, 0, bw * cell, bh * cell, 'fieldpart');
    rect(g, fw * cell - bw * cell, fh * cell - bh * cell, fw * cell, fh * cell, 'fieldpart');
  }
  out.push(wrap(s));
  return out;
}

function fixes(): HTMLElement[] {
  const a = answer!;
  const out: HTMLElement[] = [el('h2', undefined, f('fixesTitle'))];
  const own = a.layer;
  if (a.fixes.length === 0) {
    out.push(el('p', 'dim', own && own.axes.width.whole && own.axes.height.whole ? f('noFixes') : f('noFixesOffered')));
    return out;
  }
  const list = el('ul', 'fixes');
  a.fixes.forEach((fix, i) => {
    const li = el('li', trying === i ? 'current' : undefined);
    const tryButton = el('button', undefined, f('tryFix'));
    tryButton.dataset['fix'] = String(i);
    tryButton.dataset['button'] = 'try';
    tryButton.disabled = !fix.after;
    tryButton.addEventListener('click', () => {
      trying = i;
      render();
      // The redrawn grids and the "Trying" banner are at the top.
      window.scrollTo(0, 0);
    });
    const apply = el('button', 'primary', f('applyFix'));
    apply.dataset['fix'] = String(i);
    apply.dataset['button'] = 'apply';
    apply.addEventListener('click', () => vscode.postMessage({ type: 'apply', version: a.version, fix: i }));
    li.append(tryButton, apply, el('span', undefined, fix.title));
    list.append(li);
  });
  out.push(list);
  return out;
}

function report(): void {
  if (!answer) return;
  const base = drawn ?? {
    version: answer.version, layerIndex: answer.layerIndex, trying: null, input: [0, 0] as [number, number], padding: { top: 0, bottom: 0, left: 0, right: 0 },
    output: [0, 0] as [number, number], cells: { input: 0, padding: 0, uncovered: 0, output: 0, filled: 0 }, cropped: false, overhang: { across: false, down: false },
    total: 0, fixes: [], arithmetic: [], field: '',
  };
  vscode.postMessage({ type: 'drawn', state: { ...base, step, playing } });
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (resizeTimer !== undefined) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 150);
});

vscode.postMessage({ type: 'ready' });
