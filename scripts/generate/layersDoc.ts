// docs/layers.md: the reference of every layer type, from the same data as `cnnshape layers`.
import { defaultLabel, kindLabel, layerReference, type LayerReference } from '../../core/src/index';

/** Table cells hold one line and no unescaped pipe. */
const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const code = (words: readonly string[]): string => words.map((w) => `\`${w}\``).join(', ');

function section(r: LayerReference): string {
  const out: string[] = [`## \`${r.type}\``, '', `${r.summary}.`, '', r.doc, ''];
  out.push(`- **Output:** ${r.rule}`);
  out.push(`- **Inputs:** ${r.arity === 'many' ? 'two or more (`inputs` is required)' : 'one'}`);
  out.push(`- **Feature maps** in the runner: ${r.featureMaps ? 'yes' : 'no'}`);
  if (r.rounding) out.push("- **Own `rounding:`** (`strict`, `floor` or `ceil`): overrides the file's for this layer");
  if (r.aliases.length) out.push(`- **Also known as:** ${code(r.aliases)}`);
  out.push('');
  if (r.params.length) {
    out.push('| parameter | value | default | also known as | meaning |', '|---|---|---|---|---|');
    for (const p of r.params) {
      out.push(`| \`${p.name}\` | ${cell(kindLabel(p))} | ${cell(defaultLabel(p))} | ${cell(code(p.aliases))} | ${cell(p.doc)} |`);
    }
  } else {
    out.push('No parameters.');
  }
  out.push('');
  const weights = Object.entries(r.weights);
  if (weights.length) {
    out.push('| weight key | PyTorch layout |', '|---|---|');
    for (const [k, layout] of weights) out.push(`| \`<layer>.${k}\` | ${cell(layout)} |`);
  } else {
    out.push('No weights.');
  }
  out.push('');
  return out.join('\n');
}

export function layersMarkdown(): string {
  const refs = layerReference();
  const head = [
    '# Layer types',
    '',
    '<!-- Generated from the layer registry (core/src/layers/) by `npm run generate`; do not edit by hand. -->',
    '',
    'Every layer type CNN Shape knows, with its parameters, defaults, shape rule and weights. `cnnshape layers`',
    'prints the same reference in a terminal (`cnnshape layers conv` for one type, `--json` for tools). The file',
    'format itself is described in [format.md](format.md). Pairs are an integer (the same on both axes) or',
    '`[height, width]`; shapes are width × height × depth.',
    '',
    '| type | what it does | inputs |',
    '|---|---|---|',
    ...refs.map((r) => `| [\`${r.type}\`](#${r.type}) | ${cell(r.summary)} | ${r.arity === 'many' ? 'two or more' : 'one'} |`),
    '',
  ];
  return [...head, ...refs.map(section)].join('\n');
}
