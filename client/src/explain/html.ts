// The "Explain this layer" page's HTML: an empty frame that the page script (dist/explainWebview.js)
// fills from posted data with textContent and SVG elements only. Strict CSP with a nonce; colours are
// the editor theme's CSS variables, so the drawing follows theme changes.
import { escapeHtml, pageShell } from '../pageShell';

export function renderExplainPage(opts: { nonce: string; cspSource: string; scriptUri: string; title: string; lang: string }): string {
  return pageShell({ nonce: opts.nonce, title: opts.title, lang: opts.lang, style: STYLE, body: `<main id="root" aria-live="polite"></main>
<script nonce="${opts.nonce}" src="${escapeHtml(opts.scriptUri)}"></script>` });
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 8px 14px 24px; }
h1 { font-size: 1.2em; margin: 4px 0 6px; font-weight: 600; }
h2 { font-size: 1.05em; margin: 14px 0 4px; font-weight: 600; }
p { margin: 3px 0; max-width: 70em; }
a { color: var(--vscode-textLink-foreground); cursor: pointer; }
.mono { font-family: var(--vscode-editor-font-family); }
.dim { color: var(--vscode-descriptionForeground); }
.bad { color: var(--vscode-editorError-foreground); }
.ok { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.banner { padding: 4px 8px; margin: 6px 0; border-left: 3px solid var(--vscode-focusBorder); background: color-mix(in srgb, var(--vscode-focusBorder) 12%, transparent); display: flex; gap: 10px; align-items: center; }
.controls { display: flex; gap: 4px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 3px 9px; cursor: pointer; font: inherit; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
button.primary:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible, input:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
input[type=range] { accent-color: var(--vscode-focusBorder); width: 7em; }
.grids { display: flex; gap: 28px; align-items: flex-start; flex-wrap: wrap; }
.grid-title { margin: 2px 0 4px; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; margin: 6px 0; align-items: center; }
.legend svg { vertical-align: middle; margin-right: 4px; }
ul.fixes { list-style: none; padding: 0; margin: 4px 0; }
ul.fixes li { display: flex; gap: 8px; align-items: center; padding: 3px 0; }
ul.fixes li.current { font-weight: 600; }
svg .icon { fill: currentColor; }
button svg { vertical-align: middle; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-editor-font-family); }
svg .px { fill: var(--vscode-editor-background); stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.55; stroke-width: 0.6; }
svg .pad { fill: color-mix(in srgb, var(--vscode-descriptionForeground) 22%, var(--vscode-editor-background)); stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.5; stroke-width: 0.6; stroke-dasharray: 2 1.5; }
svg .uncovered { fill: color-mix(in srgb, var(--vscode-editorError-foreground) 38%, var(--vscode-editor-background)); stroke: var(--vscode-editorError-foreground); stroke-width: 0.8; }
svg .gap { fill: color-mix(in srgb, var(--vscode-descriptionForeground) 10%, transparent); stroke: none; }
svg .window { fill: color-mix(in srgb, var(--vscode-focusBorder) 28%, transparent); stroke: var(--vscode-focusBorder); stroke-width: 2.5; }
svg .tap { fill: var(--vscode-focusBorder); }
svg .overhang { fill: color-mix(in srgb, var(--vscode-editorError-foreground) 14%, transparent); stroke: var(--vscode-editorError-foreground); stroke-width: 2; stroke-dasharray: 5 3; }
svg .edge { stroke: var(--vscode-foreground); stroke-width: 1.5; fill: none; }
svg .out { fill: var(--vscode-editor-background); stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.55; stroke-width: 0.6; }
svg .out.filled { fill: color-mix(in srgb, var(--vscode-charts-blue) 45%, var(--vscode-editor-background)); }
svg .out.current { fill: var(--vscode-focusBorder); }
svg .slab { fill: color-mix(in srgb, var(--vscode-charts-blue) 30%, var(--vscode-editor-background)); stroke: var(--vscode-foreground); stroke-width: 0.8; }
svg .filter { fill: color-mix(in srgb, var(--vscode-focusBorder) 35%, var(--vscode-editor-background)); stroke: var(--vscode-focusBorder); stroke-width: 1; }
svg .field { fill: color-mix(in srgb, var(--vscode-charts-orange) 20%, var(--vscode-editor-background)); stroke: var(--vscode-charts-orange); stroke-width: 1.2; }
svg .fieldpart { fill: color-mix(in srgb, var(--vscode-focusBorder) 25%, transparent); stroke: var(--vscode-focusBorder); stroke-width: 1.2; }
svg .arrow { stroke: var(--vscode-descriptionForeground); stroke-width: 1.2; fill: none; }
`;
