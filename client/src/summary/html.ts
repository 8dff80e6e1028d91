// The summary webview's HTML, as pure functions of the core's Summary (no vscode import, so node tests
// can check them). Everything that comes from a model file goes through escapeHtml; the page allows
// only its own nonce'd style and script.
import { escapeHtml, pageShell } from '../pageShell';
import { bytes, grouped, macsLabel, t, type MessageArgs, type MessageId, type Summary } from '../../../core/src/index';

/** Renders a catalogue message: the client's `t` (VS Code's language) in the extension, the core's in tests. */
export type Translate = (id: MessageId, args?: MessageArgs) => string;

// Escaping lives with the page frame (pageShell.ts); re-exported for the pages that import it from here.
export { escapeHtml } from '../pageShell';

/** Messages between the page and the extension. `version` is the document version the body shows. */
export type ToWebview = { type: 'update'; body: string; version: number };
/** 'shown': the page has put up that version's body (with so many layer rows); 'reveal': a row was chosen. */
export type FromWebview = { type: 'reveal'; index: number } | { type: 'shown'; version: number; rows: number };

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isFromWebview(m: unknown): m is FromWebview {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r['type'] === 'reveal') return count(r['index']);
  if (r['type'] === 'shown') return count(r['version']) && count(r['rows']);
  return false;
}

/** The part of the page that changes with the document: heading, table, totals. */
export function renderSummaryBody(s: Summary, fileLabel: string, tr: Translate = t): string {
  const e = escapeHtml;
  const problems = s.errors || s.warnings ? `<p class="problems">${e(tr('client.summaryProblems', { errors: countOf(tr, s.errors, 'error'), warnings: countOf(tr, s.warnings, 'warning') }))}</p>` : '';
  const rows = s.rows
    .map(
      (r) => `<tr data-layer="${r.index}" tabindex="0"${r.errors ? ' class="has-error"' : ''} title="${e(tr('client.summaryGoTo', { index: r.index }))}">` +
        `<td class="num">${r.index}</td><td>${e(r.name)}</td><td>${e(r.type)}</td>` +
        `<td class="shape">${e(r.output)}${r.errors ? ` <span class="badge" aria-label="${e(countOf(tr, r.errors, 'error'))}">${r.errors}</span>` : ''}</td>` +
        `<td class="num">${grouped(r.params)}</td><td class="num">${grouped(r.macs)}</td><td>${e(r.field)}</td></tr>`,
    )
    .join('\n');
  return `<h1>${e(s.title)}</h1>
<p class="file">${e(fileLabel)}</p>
${problems}
<div class="table-wrap">
<table>
<thead><tr><th class="num">#</th><th>${e(tr('client.summaryColLayer'))}</th><th>${e(tr('client.summaryColType'))}</th><th>${e(tr('client.summaryColOutput'))}</th><th class="num">${e(tr('client.summaryColParams'))}</th><th class="num">${e(tr('client.summaryColMacs'))}</th><th>${e(tr('client.summaryColField'))}</th></tr></thead>
<tbody>
<tr class="input-row"><td></td><td>${e(tr('client.summaryInput'))}</td><td></td><td class="shape">${e(s.input)}</td><td></td><td></td><td></td></tr>
${rows}
</tbody>
</table>
</div>
<dl class="totals">
<dt>${e(tr('client.summaryTotalParams'))}</dt><dd>${e(tr('client.summaryTotalParamsValue', { params: grouped(s.totals.params), bytes: bytes(s.totals.paramBytes) }))}</dd>
<dt>${e(tr('client.summaryTotalMacs'))}</dt><dd>${grouped(s.totals.macs)} (${macsLabel(s.totals.macs)})</dd>
<dt>${e(tr('client.summaryActivation'))}</dt><dd>${e(tr('client.summaryActivationValue', { bytes: bytes(s.totals.activationBytes) }))}</dd>
</dl>`;
}

/** `1 error`, `3 warnings` through `tr` (the client's or the core's language). */
function countOf(tr: Translate, n: number, what: 'error' | 'warning'): string {
  if (what === 'error') return n === 1 ? tr('common.oneError') : tr('common.errors', { n });
  return n === 1 ? tr('common.oneWarning') : tr('common.warnings', { n });
}

/** The whole page. `nonce` must be fresh and unguessable for each page. */
export function renderSummaryPage(body: string, nonce: string, title: string, version: number): string {
  if (!count(version)) throw new Error('version must be a whole number'); // dev-only: the caller's invariant
  return pageShell({ nonce, title, style: STYLE, body: `<main id="root" data-version="${version}">${body}</main>
<script nonce="${nonce}">${SCRIPT}</script>` });
}

// Colours and fonts come from the editor theme (VS Code sets these variables on the webview body).
const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 12px 0 2px; }
.file { color: var(--vscode-descriptionForeground); margin: 0 0 10px; }
.problems { color: var(--vscode-errorForeground); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
th, td { padding: 3px 12px 3px 4px; text-align: left; white-space: nowrap; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.input-row { color: var(--vscode-descriptionForeground); }
tr[data-layer] { cursor: pointer; }
tr[data-layer]:hover { background: var(--vscode-list-hoverBackground); }
tr[data-layer]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
tr.has-error .shape { color: var(--vscode-errorForeground); }
.badge { display: inline-block; min-width: 1.2em; padding: 0 4px; border-radius: 8px; text-align: center; font-size: 0.85em; color: var(--vscode-errorForeground); border: 1px solid var(--vscode-errorForeground); }
.totals { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin-top: 12px; }
.totals dt { color: var(--vscode-descriptionForeground); }
.totals dd { margin: 0; font-variant-numeric: tabular-nums; }
`;

// Replaces the body on 'update' (keeps the scroll position, unlike resetting webview.html), says which
// version it shows (so the extension, and its tests, know the page is live), and asks the extension to
// reveal a layer when a row is clicked or Enter is pressed on it.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
function shown(version) {
  vscode.postMessage({ type: 'shown', version, rows: root.querySelectorAll('tr[data-layer]').length });
}
window.addEventListener('message', (event) => {
  const m = event.data;
  if (m && m.type === 'update' && typeof m.body === 'string' && typeof m.version === 'number') {
    root.innerHTML = m.body;
    shown(m.version);
  }
});
shown(Number(root.getAttribute('data-version')));
function reveal(target) {
  const row = target instanceof Element ? target.closest('tr[data-layer]') : null;
  if (row) vscode.postMessage({ type: 'reveal', index: Number(row.getAttribute('data-layer')) });
}
root.addEventListener('click', (event) => reveal(event.target));
root.addEventListener('keydown', (event) => { if (event.key === 'Enter') reveal(event.target); });
`;
