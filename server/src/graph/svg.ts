// SVG of a laid-out graph, shared by `cnnshape graph` and the webview. Every string from the model
// goes through escapeXml. Colours come from classes: the webview's stylesheet maps them to the editor
// theme; a standalone file (CLI, export) carries a light palette in its own <style>.
import { CHAR_WIDTH, FONT_SIZE, LINE_HEIGHT, PAD_X, PAD_Y } from './labels';
import type { GraphLayout, PlacedEdge, PlacedFrame, PlacedItem } from './layout';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text → XML character data or attribute value. Characters XML 1.0 forbids (most control characters,
 * lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so that any name still gives a well-formed file.
 */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// l10n-ignore: font names
export const FONT_FAMILY = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace";

/** The light palette of standalone SVG (CLI output, export). Class names are the webview's too. */
export const LIGHT_STYLE = `
.cnn-graph { background: #ffffff; }
.cnn-graph text { fill: #1f2328; }
.cnn-graph .node > rect { fill: #ffffff; stroke: #6e7781; stroke-width: 1.2; }
.cnn-graph .node.terminal > rect { fill: #ddf4ff; stroke: #0969da; stroke-width: 2; }
.cnn-graph .node.block > rect { fill: #f5f0ff; stroke: #8250df; stroke-width: 1.5; }
.cnn-graph .node.warning > rect { stroke: #bf8700; stroke-width: 2; }
.cnn-graph .node.error > rect { fill: #ffebe9; stroke: #cf222e; stroke-width: 2.5; }
.cnn-graph .node.nonwhole > rect { stroke-dasharray: 5 3; }
.cnn-graph .node .detail { fill: #57606a; }
.cnn-graph .node.error .detail { fill: #a40e26; }
.cnn-graph .frame > rect { fill: #f6f8fa; stroke: #afb8c1; stroke-dasharray: 4 3; }
.cnn-graph .frame.error > rect { stroke: #cf222e; }
.cnn-graph .frame > text { fill: #57606a; }
.cnn-graph .edge > path { fill: none; stroke: #8c959f; stroke-width: 1.2; }
.cnn-graph .edge.mismatch > path { stroke: #cf222e; stroke-width: 2; }
.cnn-graph .edge > rect { fill: #ffffff; opacity: 0.85; }
.cnn-graph .edge > text { fill: #0550ae; }
.cnn-graph .edge.mismatch > text { fill: #cf222e; }
.cnn-graph .arrow { fill: #8c959f; }
`;

export interface SvgOptions {
  /** A file of its own: XML declaration and the light palette inside. Otherwise, for the webview's DOM. */
  standalone: boolean;
}

export function renderSvg(l: GraphLayout, opts: SvgOptions): string {
  const w = Math.ceil(l.width);
  const h = Math.ceil(l.height);
  const out: string[] = [];
  if (opts.standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="cnn-graph" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT_SIZE}">`);
  out.push(`<title>${escapeXml(l.title)}</title>`);
  if (opts.standalone) out.push(`<style>${LIGHT_STYLE}</style>`, `<rect width="${w}" height="${h}" fill="#ffffff"/>`);
  out.push('<defs><marker id="cnn-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0,0 L10,5 L0,10 z"/></marker></defs>');
  out.push('<g class="frames">', ...l.frames.map(frame), '</g>');
  out.push('<g class="edges">', ...l.edges.map(edge), '</g>');
  out.push('<g class="nodes">', ...l.items.map(box), '</g>');
  out.push('</svg>');
  return out.join('\n');
}

/**
 * The overview's picture: the boxes (coloured by status) and the edges, no text. A tenth of the
 * drawing's elements, so that keeping it up to date costs little on every edit.
 */
export function renderOverviewSvg(l: GraphLayout): string {
  const w = Math.ceil(l.width);
  const h = Math.ceil(l.height);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="cnn-graph overview" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`];
  for (const f of l.frames) out.push(`<g class="frame ${f.frame.group.status}"><rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.width)}" height="${n(f.height)}"/></g>`);
  out.push(`<g class="edge"><path d="${l.edges.map((e) => e.points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)},${n(y)}`).join(' ')).join(' ')}"/></g>`);
  for (const p of l.items) {
    const status = p.item.kind === 'block' ? p.item.status : p.item.node.status;
    out.push(`<g class="node ${p.item.kind === 'block' ? 'block ' : ''}${status}"><rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}"/></g>`);
  }
  out.push('</svg>');
  return out.join('');
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

function frame(f: PlacedFrame): string {
  const g = f.frame.group;
  const label = `${g.name} · ${g.definition}${g.kind === 'use' && g.copies > 1 ? ` ×${g.copies}` : ''}`;
  return `<g class="frame ${g.status}" data-group="${escapeXml(g.id)}"><rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.width)}" height="${n(f.height)}" rx="6"/>` +
    `<text x="${n(f.x + 8)}" y="${n(f.y + 15)}" font-size="11">${escapeXml(label)}</text></g>`;
}

function edge(e: PlacedEdge): string {
  const d = e.points.map(([x, y], i) => `${i ? 'L' : 'M'}${n(x)},${n(y)}`).join(' ');
  const cls = e.edge.mismatch ? 'edge mismatch' : 'edge'; // l10n-ignore: class names
  let label = '';
  if (e.label) {
    const b = e.label;
    label = `<rect x="${n(b.x - 1)}" y="${n(b.y)}" width="${n(b.width + 2)}" height="${n(b.height)}" rx="2"/>` +
      `<text x="${n(b.x + b.width / 2)}" y="${n(b.y + b.height - 3)}" font-size="11" text-anchor="middle">${escapeXml(e.edge.label)}</text>`;
  }
  return `<g class="${cls}" data-from="${escapeXml(e.edge.from)}" data-to="${escapeXml(e.edge.to)}"><path d="${d}" marker-end="url(#cnn-arrow)"/>${label}</g>`;
}

function box(p: PlacedItem): string {
  const it = p.item;
  const classes = ['node'];
  let data = `data-id="${escapeXml(it.id)}"`;
  let tip: string[];
  if (it.kind === 'block') {
    classes.push('block', it.status);
    data += ` data-group="${escapeXml(it.group.id)}" data-layers="${it.layers.join(' ')}"`;
    tip = [`${it.group.name}: block ${it.group.definition}${it.group.copies > 1 ? ` ×${it.group.copies}` : ''}`, `${it.inputs.join(' + ') || '?'} → ${it.output}`];
  } else {
    const nd = it.node;
    classes.push(nd.status);
    if (nd.layer < 0 || nd.isOutput) classes.push('terminal');
    if (nd.nonWhole) classes.push('nonwhole');
    if (nd.isOutput) classes.push('output');
    data += ` data-layer="${nd.layer}"`;
    tip = [`${nd.name} (${nd.type}) → ${nd.output}`, ...nd.messages.map((m) => `${m.severity}: ${m.message}`)];
  }
  const x = p.x + PAD_X;
  const t = p.text;
  const title = t.title ? `<tspan dx="${n(CHAR_WIDTH)}">${escapeXml(t.title)}</tspan>` : '';
  const lines = [`<text x="${n(x)}" y="${n(p.y + PAD_Y + LINE_HEIGHT - 4)}"><tspan font-weight="bold">${escapeXml(t.head)}</tspan>${title}</text>`];
  t.lines.forEach((line, i) => lines.push(`<text class="detail" x="${n(x)}" y="${n(p.y + PAD_Y + (i + 2) * LINE_HEIGHT - 4)}">${escapeXml(line)}</text>`));
  const label = escapeXml(tip.join('\n'));
  return `<g class="${classes.join(' ')}" ${data} tabindex="0" role="button" aria-label="${label}"><title>${label}</title>` +
    `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" rx="4"/>${lines.join('')}</g>`;
}
