// schemas/cnn-model.schema.json, from the layer registry, COMMON_KEYS, TOP_KEYS and ROUNDINGS: per layer
// type an if/then branch with its parameters (kinds, bounds, defaults, docs) and required ones; a bare
// type name where the checker allows one; the model's own keys; and, when the format has `blocks`, block
// definitions and uses (see blocks.ts).
import type { LayerSpec, ParamSpec } from '../../core/src/index';
import { LAYER_ROUNDING_DOC } from '../../core/src/index';
import { blockDefinitions, blocksProperty, BLOCK_PARAMETER } from './schemaBlocks';
import type { Json, JsonObject } from './json';
import { LAYER_REF, commonKeyValue, pairSnippets, roundingValue, snippetValue, topKeyValue, valueAlternatives } from './schemaValues';
import { SAYS_DEFAULT, SAYS_OPTIONAL, literal, lowerFirst, plain, title, withNote } from './text';

/** What the schema is made from: the core's registry and key lists (a parameter so that tests can vary them). */
export interface SchemaSource {
  layers: ReadonlyMap<string, LayerSpec>;
  types: readonly string[];
  commonKeys: Record<string, string>;
  topKeys: Record<string, string>;
  roundings: readonly string[];
}

const described = (markdown: string): JsonObject => ({ description: plain(markdown), markdownDescription: markdown });
const code = (words: readonly string[]): string => words.map((w) => `\`${w}\``).join(', ');

/** A doc that opens with "Optional:" says so in the note instead. */
const OPTIONAL_OPENING = /^Optional:\s*/;

/** What a parameter's description adds after its first sentence: required, its default, or optional. */
function paramNote(p: ParamSpec): string {
  if (p.required) return '**Required.**';
  if (SAYS_DEFAULT.test(p.doc)) return '';
  if (p.default !== undefined) return `Default \`${literal(p.default)}\`.`;
  if (p.defaultFrom !== undefined) return `Default: the value of \`${p.defaultFrom}\`.`;
  return SAYS_OPTIONAL.test(p.doc.replace(OPTIONAL_OPENING, '')) ? '' : 'Optional, no default.';
}

/** A key's description: its title, its doc, and the note. */
export function keyMarkdown(key: string, doc: string, note: string): string {
  const t = title(key);
  // a doc that already opens with the title ("Stride: how far ...") gets it in bold, not twice
  const body = doc.startsWith(`${t}: `) ? doc.slice(t.length + 2) : lowerFirst(doc);
  return withNote(`**${t}**: ${body}`, note);
}

/** One parameter. Inside a block definition its value may also be `$name`, a block parameter. */
export function paramSchema(name: string, p: ParamSpec, inBlock: boolean): JsonObject {
  const alternatives: Json[] = valueAlternatives(p);
  if (inBlock) alternatives.push({ $ref: BLOCK_PARAMETER });
  const s: JsonObject = alternatives.length === 1 ? { ...(alternatives[0] as JsonObject) } : { anyOf: alternatives };
  if (p.default !== undefined) s['default'] = p.default;
  Object.assign(s, described(keyMarkdown(name, p.doc.replace(OPTIONAL_OPENING, ''), paramNote(p))));
  const snippets = pairSnippets(p);
  if (snippets) s['defaultSnippets'] = snippets;
  return s;
}

/** Types that may be written as their name alone: one input and no required parameter (as the checker says). */
export function bareTypes(src: SchemaSource): string[] {
  return src.types.filter((t) => {
    const s = src.layers.get(t)!;
    return s.arity === 'one' && !Object.values(s.params).some((p) => p.required);
  });
}

function spec(src: SchemaSource, type: string): LayerSpec {
  const s = src.layers.get(type);
  if (!s) throw new Error(`generate: '${type}' is listed in LAYER_TYPES but not in LAYERS`);
  return s;
}

/** The `then` of a type's branch: its own parameters, the common keys let through, its inputs. */
function typeBranch(src: SchemaSource, type: string, inBlock: boolean): JsonObject {
  const s = spec(src, type);
  const properties: JsonObject = {};
  for (const key of Object.keys(src.commonKeys)) properties[key] = {};
  if (s.arity === 'many') {
    properties['inputs'] = {
      type: 'array',
      items: LAYER_REF,
      minItems: 2,
      ...described(`**Inputs**: two or more layer names (\`input\` is the network input) that \`${type}\` combines. **Required.**`),
      defaultSnippets: [{ label: '[a, b]', body: ['${1:a}', '${2:b}'] }],
    };
  } else {
    properties['inputs'] = { anyOf: [LAYER_REF, { type: 'array', items: LAYER_REF, minItems: 1, maxItems: 1 }] };
  }
  for (const [name, p] of Object.entries(s.params)) properties[name] = paramSchema(name, p, inBlock);
  // v2: a window layer's own rounding, a key of the format rather than a parameter of the type
  if (s.rounding) properties['rounding'] = { ...roundingValue(src.roundings), ...described(keyMarkdown('rounding', LAYER_ROUNDING_DOC, "Optional, default: the file's `rounding`.")) };
  const required = Object.entries(s.params).filter(([, p]) => p.required).map(([k]) => k);
  if (s.arity === 'many') required.push('inputs');
  const then: JsonObject = { properties };
  if (required.length) then['required'] = required;
  then['additionalProperties'] = false;
  return { if: { properties: { type: { const: type } }, required: ['type'] }, then };
}

/** Weight keys of every type, with each type's layout, for inline `parameters:`. */
function weightKeys(src: SchemaSource): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const type of src.types) {
    for (const [key, layout] of Object.entries(spec(src, type).weights?.layout ?? {})) {
      keys.set(key, [...(keys.get(key) ?? []), `${type} \`${layout}\``]);
    }
  }
  return keys;
}

function parametersValue(src: SchemaSource): JsonObject {
  const properties: JsonObject = {};
  for (const [key, layouts] of weightKeys(src)) {
    properties[key] = {
      type: 'array',
      items: { $ref: '#/definitions/tensor' },
      ...described(`**${title(key)}**, a nested list in PyTorch layout: ${layouts.join(', ')}. Optional; default: the tensor from \`weights\`, or a seeded He initialisation.`),
    };
  }
  return {
    type: 'object',
    properties,
    additionalProperties: false,
    defaultSnippets: [{ label: '{weight, bias}', body: { weight: ['^${1}'], bias: ['^${2}'] } }],
  };
}

function commonKeyNote(key: string, doc: string): string {
  if (key === 'type') return '**Required.**';
  return SAYS_DEFAULT.test(doc) || SAYS_OPTIONAL.test(doc) ? '' : 'Optional, no default.';
}

/** A layer written as a mapping: `type`, the common keys, and per type an if/then branch. */
function layerObject(src: SchemaSource, inBlock: boolean): JsonObject {
  const properties: JsonObject = {};
  for (const [key, doc] of Object.entries(src.commonKeys)) {
    const value = key === 'parameters' ? parametersValue(src) : commonKeyValue(key, src.types);
    let md = keyMarkdown(key, doc, commonKeyNote(key, doc));
    if (key === 'type') {
      value['enumDescriptions'] = src.types.map((t) => plain(spec(src, t).summary));
      value['markdownEnumDescriptions'] = src.types.map((t) => spec(src, t).summary);
      md += ` One of ${code(src.types)}.`;
    }
    properties[key] = { ...value, ...described(md) };
  }
  return {
    type: 'object',
    ...described('A layer: its `type` and that type\'s parameters, and optionally `name`, `inputs` and inline `parameters`.'),
    required: ['type'],
    properties,
    allOf: src.types.map((t) => typeBranch(src, t, inBlock)),
  };
}

function bareLayer(src: SchemaSource): JsonObject {
  const bare = bareTypes(src);
  return {
    type: 'string',
    enum: bare,
    enumDescriptions: bare.map((t) => plain(spec(src, t).summary)),
    markdownEnumDescriptions: bare.map((t) => spec(src, t).summary),
    ...described(`A layer written as its type name alone, such as \`${bare[0] ?? 'relu'}\`. Only types that need no parameters can be written so: ${code(bare)}.`),
  };
}

/** Completion snippets of a layer: its type and required parameters (or the first one with a default). */
function layerSnippets(src: SchemaSource): Json[] {
  const out: Json[] = [];
  for (const type of src.types) {
    const s = spec(src, type);
    const params = Object.entries(s.params);
    if (!params.length && s.arity === 'one') continue;
    const chosen = params.filter(([, p]) => p.required);
    const withDefault = params.find(([, p]) => p.default !== undefined);
    if (!chosen.length && withDefault) chosen.push(withDefault);
    const body: JsonObject = { type };
    let n = 1;
    for (const [name, p] of chosen) {
      const v = snippetValue(p);
      body[name] = typeof v === 'string' ? `\${${n++}:${v}}` : `^\${${n++}:${literal(v)}}`;
    }
    if (s.arity === 'many') body['inputs'] = [`\${${n++}:a}`, `\${${n++}:b}`];
    out.push({ label: type, description: plain(s.summary), body });
  }
  return out;
}

function topKeyNote(doc: string): string {
  return /\bRequired\b/.test(doc) || SAYS_DEFAULT.test(doc) || SAYS_OPTIONAL.test(doc) ? '' : 'Optional, no default.';
}

/** The model's keys, in TOP_KEYS' order; a key whose doc says "Required" is required. */
function topLevel(src: SchemaSource): { properties: JsonObject; required: string[] } {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [key, doc] of Object.entries(src.topKeys)) {
    let value: JsonObject;
    if (key === 'layers') value = { type: 'array', minItems: 1, items: { $ref: `#/definitions/${'blocks' in src.topKeys ? 'layerOrUse' : 'layer'}` } };
    else if (key === 'blocks') value = blocksProperty();
    else if (key === 'rounding') value = { ...roundingValue(src.roundings), default: src.roundings[0] ?? 'strict' };
    else value = topKeyValue(key, src.roundings);
    properties[key] = { ...value, ...described(keyMarkdown(key, doc, topKeyNote(doc))) };
    if (/\bRequired\b/.test(doc)) required.push(key);
  }
  return { properties, required };
}

const FORMAT_NOTE =
  'A convolutional network for CNN Shape (`*.cnn.yaml`, `*.cnn.yml`, `*.cnn.json`): the input image and the list of layers. ' +
  'Generated from the checker\'s layer registry by `npm run generate`; do not edit by hand.';
const BLOCKS_NOTE =
  ' With `blocks:`, a layer\'s `type` may also be a block\'s name. This schema cannot check that the name is one of the ' +
  'file\'s blocks, nor a use\'s parameters against the definition: CNN Shape\'s checker does. Without `blocks:`, a `type` must be a layer type.';

export function buildSchema(src: SchemaSource): JsonObject {
  const { properties, required } = topLevel(src);
  const hasBlocks = 'blocks' in src.topKeys;
  const schema: JsonObject = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: hasBlocks ? 'CNN Shape model (format v2)' : 'CNN Shape model',
    ...described(FORMAT_NOTE + (hasBlocks ? BLOCKS_NOTE : '')),
    type: 'object',
    required,
    additionalProperties: false,
    defaultSnippets: [
      {
        label: 'CNN model',
        description: 'input and a few layers',
        body: {
          name: '${1:tiny}',
          input: '${2:32x32x3}',
          layers: [
            { type: 'conv', filters: '^${3:16}', kernel: '^${4:3}', padding: 'same' },
            'relu',
            { type: 'maxpool', kernel: '^2' },
            'flatten',
            { type: 'dense', units: '^${5:10}' },
            'softmax',
          ],
        },
      },
    ],
    properties,
  };
  const definitions: JsonObject = {
    layer: {
      ...described('A layer: a type name alone (`- relu`), or a mapping with `type` and its parameters.'),
      anyOf: [{ $ref: '#/definitions/bareLayer' }, { $ref: '#/definitions/layerObject' }],
      defaultSnippets: layerSnippets(src),
    },
    bareLayer: bareLayer(src),
    layerObject: layerObject(src, false),
    tensor: {
      ...described('A nested list of numbers (a tensor in PyTorch layout).'),
      anyOf: [{ type: 'number' }, { type: 'array', items: { $ref: '#/definitions/tensor' } }],
    },
  };
  if (hasBlocks) {
    Object.assign(definitions, blockDefinitions(src.types, layerObject(src, true)));
    // A layer may be a block use only in a file that has `blocks:`; elsewhere an unknown type is an error.
    schema['if'] = { properties: { blocks: {} }, required: ['blocks'] };
    schema['else'] = {
      properties: { layers: { type: 'array', items: { $ref: '#/definitions/layer' }, ...described('**Layers**: in a file without `blocks:`, each is a layer type. **Required.**') } },
    };
  }
  schema['definitions'] = definitions;
  return schema;
}
