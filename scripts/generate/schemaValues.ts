// The JSON Schema of each value kind of the format, and of the keys whose structure is the format's own
// (`input`, `preprocess`, `labels`, ...). Their meaning comes from the core (TOP_KEYS, COMMON_KEYS, the
// layer registry); what is written here is only the shape of the value and the editor's snippets.
import type { ParamSpec } from '../../core/src/index';
import type { Json, JsonObject } from './json';

/** PyTorch takes sizes as 32-bit integers; the checker refuses larger ones too. */
export const INT_MAX = 2147483647;

const described = (markdown: string, text = markdown.replace(/`/g, '')): JsonObject => ({ description: text, markdownDescription: markdown });
const int = (min: number): JsonObject => ({ type: 'integer', minimum: min, maximum: INT_MAX });
const pairList = (min: number): JsonObject => ({ type: 'array', items: int(min), minItems: 2, maxItems: 2, ...described('`[height, width]`') });
const sidesList: JsonObject = { type: 'array', items: int(0), minItems: 4, maxItems: 4, ...described('`[top, bottom, left, right]`') };

/** A reference to another layer: its name, or its 0-based index. */
export const LAYER_REF: JsonObject = { anyOf: [{ type: 'string', minLength: 1, pattern: '\\S' }, { type: 'integer', minimum: 0 }] };

const PADDING_WORDS: JsonObject = {
  type: 'string',
  enum: ['same', 'valid'],
  markdownEnumDescriptions: [
    "`same`: the output size is ceil(input / stride) (TensorFlow's rule; the padding may be uneven).",
    '`valid`: no padding (the same as `0`).',
  ],
  enumDescriptions: [
    "same: the output size is ceil(input / stride) (TensorFlow's rule; the padding may be uneven).",
    'valid: no padding (the same as 0).',
  ],
};

/** The alternatives a parameter's value may take, by kind. A kind added to ParamKind must be added here. */
export function valueAlternatives(p: ParamSpec): JsonObject[] {
  switch (p.kind) {
    case 'int':
      return [int(p.min)];
    case 'pair':
      return [int(p.min), pairList(p.min)];
    case 'padding':
      return [int(0), pairList(0), PADDING_WORDS];
    case 'bool':
      return [{ type: 'boolean' }];
    case 'number': {
      const s: JsonObject = { type: 'number' };
      if (p.min !== undefined) s[p.minExclusive ? 'exclusiveMinimum' : 'minimum'] = p.min;
      if (p.max !== undefined) s[p.maxExclusive ? 'exclusiveMaximum' : 'maximum'] = p.max;
      return [s];
    }
    case 'enum':
      return [{ type: 'string', enum: [...p.values] }];
    case 'sides':
      return [int(0), pairList(0), sidesList];
    case 'ref':
      return [...(LAYER_REF['anyOf'] as JsonObject[])]; // a copy: callers add to the list
  }
}

/** A value to put in a snippet for a parameter: its default, or a small typical number. */
export function snippetValue(p: ParamSpec): number | boolean | string {
  if (p.default !== undefined) return p.default;
  switch (p.kind) {
    case 'int':
      return Math.max(p.min, 2);
    case 'pair':
      return Math.max(p.min, 3);
    case 'padding':
      return 'same';
    case 'bool':
      return true;
    case 'number':
      return p.min ?? 1;
    case 'enum':
      return p.values[0] ?? '';
    case 'sides':
      return 1;
    case 'ref':
      return 'input';
  }
}

/** Snippets for a pair parameter: one number, or [height, width]. */
export function pairSnippets(p: ParamSpec): Json[] | undefined {
  if (p.kind !== 'pair') return undefined;
  const n = p.min + 1;
  return [
    { label: 'one number', body: `^\${1:${n}}` },
    { label: '[height, width]', body: [`^\${1:${n}}`, `^\${2:${n}}`] },
  ];
}

/** The value schemas of the common layer keys (their meaning is COMMON_KEYS'). */
export function commonKeyValue(key: string, types: readonly string[]): JsonObject {
  switch (key) {
    case 'type':
      return { type: 'string', enum: [...types] };
    case 'name':
      return { type: 'string', minLength: 1, pattern: '\\S' };
    case 'inputs':
      return {
        anyOf: [LAYER_REF, { type: 'array', items: LAYER_REF, minItems: 1 }],
        defaultSnippets: [{ label: 'one name', body: '${1:input}' }, { label: '[a, b]', body: ['${1:a}', '${2:b}'] }],
      };
    case 'parameters':
      return { type: 'object' };
    default:
      throw new Error(`generate: no value schema for the common layer key '${key}' (scripts/generate/schemaValues.ts)`);
  }
}

const NUMBERS_PER_CHANNEL = (bound: JsonObject): JsonObject => ({
  anyOf: [{ type: 'number', ...bound }, { type: 'array', items: { type: 'number', ...bound }, minItems: 1 }],
});

/** The value schemas of the model's own keys (their meaning is TOP_KEYS'). `layers` and `blocks` are built by schema.ts. */
export function topKeyValue(key: string, roundings: readonly string[]): JsonObject {
  switch (key) {
    case 'name':
      return { type: ['string', 'number'] };
    case 'input':
      return {
        anyOf: [
          {
            type: 'string',
            pattern: '^\\s*0*[1-9][0-9]*\\s*[xX×]\\s*0*[1-9][0-9]*\\s*[xX×]\\s*0*[1-9][0-9]*\\s*$',
            ...described('`"WxHxD"`, e.g. `"32x32x3"`'),
          },
          {
            type: 'object',
            required: ['width', 'height', 'depth'],
            additionalProperties: false,
            properties: {
              width: { ...int(1), ...described('**Width** W of the input image, in pixels. **Required.**', 'Width W of the input image, in pixels. Required.') },
              height: { ...int(1), ...described('**Height** H of the input image, in pixels. **Required.**', 'Height H of the input image, in pixels. Required.') },
              depth: { ...int(1), ...described('**Depth** D of the input image: its channels (3 for RGB, 1 for grey). **Required.**', 'Depth D of the input image: its channels (3 for RGB, 1 for grey). Required.') },
            },
          },
        ],
        defaultSnippets: [
          { label: '"WxHxD"', body: '${1:32}x${2:32}x${3:3}' },
          { label: '{width, height, depth}', body: { width: '^${1:32}', height: '^${2:32}', depth: '^${3:3}' } },
        ],
      };
    case 'rounding':
      return roundingValue(roundings);
    case 'labels':
      return {
        anyOf: [
          { type: 'array', items: { type: ['string', 'number'] }, ...described('Class names, in output order.') },
          { type: 'string', minLength: 1, ...described('A path to a text file with one class name a line, relative to the model file.') },
        ],
        defaultSnippets: [{ label: '[names]', body: ['${1:cat}', '${2:dog}'] }, { label: 'labels file', body: '${1:labels.txt}' }],
      };
    case 'weights':
      return { type: 'string', minLength: 1, defaultSnippets: [{ label: 'model.safetensors', body: '${1:model}.safetensors' }] };
    case 'preprocess':
      return {
        type: 'object',
        additionalProperties: false,
        properties: {
          scale: {
            type: 'number',
            default: 1 / 255,
            ...described('**Scale**: each pixel value p (0..255) is first multiplied by this. Default 1/255 (0.00392156862745098), so pixels become 0..1.', 'Scale: each pixel value p (0..255) is first multiplied by this. Default 1/255 (0.00392156862745098), so pixels become 0..1.'),
          },
          mean: {
            ...NUMBERS_PER_CHANNEL({}),
            default: 0,
            ...described('**Mean**: subtracted after scaling: one number for every channel, or a list of one number a channel. Default `0`.', 'Mean: subtracted after scaling: one number for every channel, or a list of one number a channel. Default 0.'),
          },
          std: {
            ...NUMBERS_PER_CHANNEL({ exclusiveMinimum: 0 }),
            default: 1,
            ...described('**Std**: the scaled, centred value is divided by this: one number > 0, or a list of one number a channel. Default `1`.', 'Std: the scaled, centred value is divided by this: one number > 0, or a list of one number a channel. Default 1.'),
          },
        },
        defaultSnippets: [
          { label: '0..1 pixels', body: { scale: '^0.00392156862745098' } },
          { label: 'ImageNet mean and std', body: { scale: '^0.00392156862745098', mean: ['^0.485', '^0.456', '^0.406'], std: ['^0.229', '^0.224', '^0.225'] } },
        ],
      };
    default:
      throw new Error(`generate: no value schema for the top-level key '${key}' (scripts/generate/schemaValues.ts)`);
  }
}

const ROUNDING_MEANING: Record<string, string> = {
  strict: 'a layer whose output size is not a whole number is an error.',
  floor: 'round output sizes down (PyTorch, Keras `valid`); the rounding is reported as information.',
  ceil: 'round output sizes up (PyTorch `ceil_mode`); the rounding is reported as information.',
};

/** `strict`, `floor`, `ceil`, each explained. */
export function roundingValue(roundings: readonly string[]): JsonObject {
  const md = roundings.map((r) => {
    const meaning = ROUNDING_MEANING[r];
    if (!meaning) throw new Error(`generate: no meaning written for the rounding '${r}' (scripts/generate/schemaValues.ts)`);
    return `\`${r}\`: ${meaning}`;
  });
  return { type: 'string', enum: [...roundings], enumDescriptions: md.map((m) => m.replace(/`/g, '')), markdownEnumDescriptions: md };
}
