// Graphviz DOT text of a model graph (`cnnshape graph --dot`): the same nodes, edge labels and block
// clusters, for people who render with Graphviz. Every string is a quoted, escaped DOT ID.
import { boxText } from './labels';
import type { VisibleGraph, VisibleItem } from './visible';

/** A DOT double-quoted ID: backslash and quote escaped, newlines as \n. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}

export function renderDot(v: VisibleGraph): string {
  // l10n-ignore: Graphviz syntax
  const out = ['digraph model {', `  label=${dotString(v.title)}; labelloc=t; rankdir=TB;`, '  node [shape=box style="rounded,filled" fillcolor=white fontname="DejaVu Sans Mono" fontsize=11];', '  edge [fontname="DejaVu Sans Mono" fontsize=10 color="#8c959f" fontcolor="#0550ae"];'];
  const children = new Map<string | undefined, string[]>();
  const push = (parent: string | undefined, line: string) => {
    const list = children.get(parent);
    if (list) list.push(line);
    else children.set(parent, [line]);
  };
  for (const it of v.items) push(it.parent, `${dotString(it.id)} [${attrs(it)}];`);
  const emit = (parent: string | undefined, indent: string, depth: number) => {
    for (const line of children.get(parent) ?? []) out.push(indent + line);
    if (depth > v.frames.length) return;
    for (const f of v.frames.filter((x) => x.parent === parent)) {
      const g = f.group;
      // l10n-ignore: Graphviz syntax
      out.push(`${indent}subgraph ${dotString(`cluster_${f.id}`)} {`, `${indent}  label=${dotString(`${g.name} · ${g.definition}`)}; style=dashed; color="#afb8c1";`);
      emit(f.id, `${indent}  `, depth + 1);
      out.push(`${indent}}`);
    }
  };
  emit(undefined, '  ', 0);
  for (const e of v.edges) out.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.label)}${e.mismatch ? ' color="#cf222e" fontcolor="#cf222e"' : ''}];`);
  out.push('}');
  return out.join('\n') + '\n';
}

function attrs(it: VisibleItem): string {
  const t = boxText(it);
  const label = dotString([`${t.head}${t.title ? ` ${t.title}` : ''}`, ...t.lines].join('\n'));
  const status = it.kind === 'block' ? it.status : it.node.status;
  const fill = status === 'error' ? '#ffebe9' : it.kind === 'block' ? '#f5f0ff' : it.node.layer < 0 || it.node.isOutput ? '#ddf4ff' : 'white';
  const color = status === 'error' ? '#cf222e' : status === 'warning' ? '#bf8700' : '#6e7781';
  const dashed = it.kind === 'node' && it.node.nonWhole ? ',dashed' : '';
  return `label=${label} fillcolor=${dotString(fill)} color=${dotString(color)}${dashed ? ` style=${dotString(`rounded,filled${dashed}`)}` : ''}`;
}
