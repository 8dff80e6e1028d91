// The evaluation page's script (dist/evalWebview.js): the page is complete HTML, coloured by CSS; this
// only turns a click on a worst-classified image into a message asking the extension to open it, and
// says it has loaded (for tests: how many matrix cells it holds).
declare function acquireVsCodeApi(): { postMessage(m: unknown): void };
const vscode = acquireVsCodeApi();

document.addEventListener('click', (ev) => {
  const link = ev.target instanceof Element ? ev.target.closest<HTMLElement>('[data-open]') : null;
  if (!link) return;
  ev.preventDefault();
  vscode.postMessage({ type: 'open', index: Number(link.dataset['open']) });
});

vscode.postMessage({ type: 'ready', cells: document.querySelectorAll('table.matrix td.cell').length });
