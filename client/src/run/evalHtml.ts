// The evaluation page's HTML, as a pure function of the runner's evaluation (no vscode import: node
// tests check it): the figures, the per-class table, the confusion matrix as a heat map (a cell's colour
// class is its share of its row, in tenths; the colours are the theme's, in CSS) and the worst images
// as links the page script turns into "open this image" messages. Every class name and path is escaped.
import type { EvaluationRun } from '../../../runner/src/run/evaluate';
import { escapeHtml, pageShell } from '../pageShell';
import { defaultTr, type Tr } from './tr';

const e = escapeHtml;
/** Classes shown in the matrix; a dataset with more shows the first ones and says so. */
export const MATRIX_MAX = 50;

export interface EvaluationView {
  title: string;
  /** The dataset folder as the user knows it (workspace-relative where it can be). */
  folder: string;
  run: EvaluationRun;
  /** Each worst image's path relative to the dataset folder, in the order of run.worst. */
  worstNames: string[];
}

function percent(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(1)}%`;
}

/** The heat class of a cell: its share of the row in tenths, 0..10 (h0 is an empty cell). */
export function heatClass(count: number, rowTotal: number): string {
  if (count === 0 || rowTotal === 0) return 'h0';
  return `h${Math.max(1, Math.round((count / rowTotal) * 10))}`;
}

function matrix(v: EvaluationView, tr: Tr): string {
  const { classes, matrix: rows } = v.run.confusion;
  const n = Math.min(classes.length, MATRIX_MAX);
  const shown = classes.slice(0, n);
  const other = tr('evaluate.other');
  const head = `<tr><th></th>${shown.map((c) => `<th class="col" title="${e(c)}">${e(c)}</th>`).join('')}<th class="col">${e(other)}</th><th class="num">Σ</th></tr>`;
  const body = rows.slice(0, n).map((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    const cols = [...row.slice(0, n), row[row.length - 1] ?? 0];
    const names = [...shown, other];
    const cells = cols.map((count, p) => `<td class="cell ${heatClass(count, total)}${p === t ? ' diag' : ''}" title="${e(tr('evaluate.cell', { truth: classes[t]!, predicted: names[p]!, count }))}">${count}</td>`).join('');
    return `<tr><th class="rowhead" title="${e(classes[t]!)}">${e(classes[t]!)}</th>${cells}<td class="num dim">${total}</td></tr>`;
  });
  const cut = classes.length > n ? `<p class="dim">${e(tr('evaluate.classesCut', { shown: n, total: classes.length }))}</p>` : '';
  return `<table class="matrix"><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table>${cut}
<p class="dim">${e(tr('evaluate.confusionNote'))} ${e(tr('evaluate.otherNote'))}</p>`;
}

export function renderEvaluationBody(v: EvaluationView, tr: Tr = defaultTr): string {
  const r = v.run;
  const notes: string[] = [];
  if (r.untrained) notes.push(`<p class="warning">${e(tr('evaluate.untrained', { seed: r.untrained.seed, layers: r.untrained.layers.join(', ') }))}</p>`);
  for (const w of r.warnings) notes.push(`<p class="warning">${e(w)}</p>`);
  for (const x of r.errors) notes.push(`<p class="error">${e(x.error)}</p>`);
  const figures = `<dl class="figures"><div><dt>${e(tr('evaluate.images'))}</dt><dd>${r.images}</dd></div>` +
    `<div><dt>${e(tr('evaluate.accuracy'))}</dt><dd id="accuracy">${percent(r.accuracy)}</dd></div>` +
    `<div><dt>${e(tr('evaluate.top5'))}</dt><dd>${percent(r.top5)}</dd></div></dl>`;
  const perClass = r.classes
    .map((c) => `<tr><td>${e(c.name)}</td><td class="num">${c.images}</td><td class="num">${c.correct}</td><td class="num">${percent(c.precision)}</td><td class="num">${percent(c.recall)}</td></tr>`)
    .join('\n');
  const worst = r.worst.length
    ? `<table class="worst"><thead><tr><th>${e(tr('evaluate.colImage'))}</th><th>${e(tr('evaluate.colTrue'))}</th><th>${e(tr('evaluate.colPredictedAs'))}</th><th class="num">${e(tr('evaluate.colTrueScore'))}</th></tr></thead><tbody>` +
      r.worst.map((w, i) => `<tr><td><a href="#" data-open="${i}" title="${e(w.image)}">${e(v.worstNames[i] ?? w.image)}</a></td><td>${e(w.trueClass)}</td><td>${e(w.predicted)}</td><td class="num">${Number.isFinite(w.trueScore) ? w.trueScore.toFixed(4) : String(w.trueScore)}</td></tr>`).join('\n') +
      `</tbody></table><p class="dim">${e(tr('evaluate.worstNote'))}</p>`
    : `<p>${e(tr('evaluate.noneWrong'))}</p>`;
  return `<h1>${e(tr('evaluate.heading', { title: v.title, folder: v.folder }))}</h1>
${notes.join('\n')}
${figures}
<h3>${e(tr('evaluate.confusion'))}</h3>
${matrix(v, tr)}
<h3>${e(tr('evaluate.perClass'))}</h3>
<table class="classes"><thead><tr><th>${e(tr('evaluate.colClass'))}</th><th class="num">${e(tr('evaluate.colImages'))}</th><th class="num">${e(tr('evaluate.colCorrect'))}</th><th class="num">${e(tr('evaluate.colPrecision'))}</th><th class="num">${e(tr('evaluate.colRecall'))}</th></tr></thead>
<tbody>
${perClass}
</tbody></table>
<h3>${e(tr('evaluate.worst'))}</h3>
${worst}`;
}

/** The whole page: the same strict CSP with a fresh nonce as the run page; one local script. */
export function renderEvaluationPage(body: string, opts: { nonce: string; cspSource: string; scriptUri: string; title: string; lang?: string }): string {
  const { nonce } = opts;
  return pageShell({ nonce, title: opts.title, ...(opts.lang ? { lang: opts.lang } : {}), imgSrc: e(opts.cspSource), style: STYLE, body: `<main id="root">${body}</main>
<script nonce="${nonce}" src="${e(opts.scriptUri)}"></script>` });
}

const HEAT_STYLE = Array.from({ length: 10 }, (_, i) => `td.h${i + 1} { background: color-mix(in srgb, var(--vscode-charts-blue, #3794ff) ${(i + 1) * 9}%, transparent); }`).join('\n');

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 12px 0 8px; }
h3 { font-size: 1.05em; margin: 18px 0 6px; }
.dim { color: var(--vscode-descriptionForeground); }
.warning { color: var(--vscode-editorWarning-foreground); }
.error { color: var(--vscode-errorForeground); }
.figures { display: flex; gap: 32px; margin: 8px 0; }
.figures dt { color: var(--vscode-descriptionForeground); }
.figures dd { margin: 2px 0 0; font-size: 1.6em; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
th, td { padding: 2px 10px 2px 4px; text-align: left; white-space: nowrap; }
table.classes td, table.worst td, table.classes th, table.worst th { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
table.matrix th.col { max-width: 6em; overflow: hidden; text-overflow: ellipsis; text-align: center; }
table.matrix th.rowhead { max-width: 12em; overflow: hidden; text-overflow: ellipsis; text-align: right; }
table.matrix td.cell { min-width: 2.6em; height: 2.2em; text-align: center; border: 1px solid var(--vscode-editorWidget-border, var(--vscode-widget-border, rgba(128,128,128,0.35))); }
table.matrix td.diag { outline: 1px solid var(--vscode-focusBorder); outline-offset: -2px; }
table.matrix td.h0 { color: var(--vscode-descriptionForeground); }
${HEAT_STYLE}
`;
