// Snippet texts for completion: a layer type with its required parameters as tab stops (so that
// choosing `conv` never leaves a layer that is itself an error), a starter model for an empty file,
// and common input sizes. Each is written in the style of the place: YAML block, YAML flow or JSON.
import type { ParamSpec } from '../../../core/src/index';
import { LAYERS, t, type MessageId } from '../../../core/src/index';

/** How the layer being written is spelled: its keys in a block mapping (at `indent`), a flow mapping, or JSON. */
export type LayerStyle = { kind: 'block'; indent: number; eol: string } | { kind: 'flow' } | { kind: 'json' };

/** A typical first value for a required parameter: what a tutorial would write. */
const EXAMPLES: Record<string, string> = {
  'conv.filters': '16',
  'conv.kernel': '3',
  'convtranspose.filters': '16',
  'convtranspose.kernel': '2',
  'maxpool.kernel': '2',
  'avgpool.kernel': '2',
  'dense.units': '10',
  'groupnorm.groups': '32',
  'lrn.size': '5',
  'pad.amount': '1',
  'pixelshuffle.factor': '2',
  'pixelunshuffle.factor': '2',
  'upsample.scale': '2',
  'shuffle.groups': '2',
  'adaptiveavgpool.size': '1',
  'adaptivemaxpool.size': '1',
};

function example(type: string, name: string, spec: ParamSpec): string {
  return EXAMPLES[`${type}.${name}`] ?? (spec.kind === 'int' || spec.kind === 'pair' ? '1' : '');
}

/** The required parameters of `type` not already written on the layer. */
export function missingRequired(type: string, present: readonly string[]): Array<[string, ParamSpec]> {
  const params = LAYERS.get(type)?.params ?? {};
  return Object.entries(params).filter(([k, p]) => p.required && !present.includes(k));
}

/** Escapes text for a snippet outside a placeholder. */
export function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * The text after `type:` for a layer of `type` with its missing required parameters as tab stops:
 * `conv, filters: ${1:16}, kernel: ${2:3}` (flow), the same keys on the following lines (block), or
 * quoted (JSON). `value` is the type as it should be written (quoted where needed).
 */
export function layerTypeSnippet(type: string, value: string, style: LayerStyle, present: readonly string[]): string | undefined {
  const missing = missingRequired(type, present);
  if (missing.length === 0) return undefined;
  const stops = missing.map(([k, p], i) => {
    const key = style.kind === 'json' ? JSON.stringify(k) : k;
    return `${key}: \${${i + 1}:${snippetText(example(type, k, p))}}`;
  });
  if (style.kind === 'block') {
    const pad = ' '.repeat(style.indent);
    return `${snippetText(value)}${stops.map((s) => `${style.eol}${pad}${s}`).join('')}$0`;
  }
  return `${snippetText(value)}, ${stops.join(', ')}$0`;
}

/** Common input sizes, width x height x depth, with where they come from. */
export const INPUT_SIZES: ReadonlyArray<[string, MessageId]> = [
  ['28x28x1', 'completion.sizeMnist'],
  ['32x32x3', 'completion.sizeCifar'],
  ['224x224x3', 'completion.sizeImagenet'],
  ['227x227x3', 'completion.sizeAlexnet'],
  ['64x64x3', 'completion.sizeTiny'],
  ['9x9x1', 'completion.sizeXo'],
  ['19x19x48', 'completion.sizeGo'],
];

/** A small complete model for an empty file: input, two conv/pool stages, flatten, dense. */
export function starterModel(json: boolean, eol: string): string {
  const lines = json
    ? [
        '{',
        '  "input": "${1:28x28x1}",',
        '  "layers": [',
        '    {"type": "conv", "filters": ${2:8}, "kernel": 3, "padding": 1\\},',
        '    {"type": "relu"\\},',
        '    {"type": "maxpool", "kernel": 2\\},',
        '    {"type": "conv", "filters": 16, "kernel": 3, "padding": 1\\},',
        '    {"type": "relu"\\},',
        '    {"type": "maxpool", "kernel": 2\\},',
        '    {"type": "flatten"\\},',
        '    {"type": "dense", "units": ${3:10}\\}',
        '  ]',
        '\\}',
      ]
    : [
        snippetText(t('completion.starterComment')),
        'input: ${1:28x28x1}',
        'layers:',
        '  - {type: conv, filters: ${2:8}, kernel: 3, padding: 1\\}', // l10n-ignore: YAML the snippet inserts
        '  - relu',
        '  - {type: maxpool, kernel: 2\\}', // l10n-ignore: YAML the snippet inserts
        '  - {type: conv, filters: 16, kernel: 3, padding: 1\\}', // l10n-ignore: YAML the snippet inserts
        '  - relu',
        '  - {type: maxpool, kernel: 2\\}', // l10n-ignore: YAML the snippet inserts
        '  - flatten',
        '  - {type: dense, units: ${3:10}\\}', // l10n-ignore: YAML the snippet inserts
      ];
  return lines.join(eol) + eol + '$0';
}
