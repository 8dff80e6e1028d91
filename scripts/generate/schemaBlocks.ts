// Format v2's `blocks:` in the schema: definitions (params, inputs, output, layers) and their uses. A
// layer whose `type` is not a layer type is taken for a block use when the file has `blocks:`: a JSON
// Schema cannot check that the name is one of the file's blocks (the checker does).
import type { JsonObject } from './json';
import { LAYER_REF } from './schemaValues';
import { plain } from './text';

export const BLOCK_PARAMETER = '#/definitions/blockParameter';
const described = (markdown: string): JsonObject => ({ description: plain(markdown), markdownDescription: markdown });

/** The keys of a block definition, in the spec's order. */
export const BLOCK_DEFINITION_KEYS: Record<string, string> = {
  params:
    "**Params**: the block's parameters, `name: default`, or `name:` with no value for one that every use must give. " +
    'Inside the block, a value written exactly `$name` is replaced by that parameter (nothing else is substituted). Optional, no default.',
  inputs:
    "**Inputs**: the names by which the block's layers refer to its inputs, e.g. `[x, skip]`; a use passes as many layers in its own `inputs`. " +
    'Default: one input, called `input`.',
  output: "**Output**: the name of the block's layer whose output is the block's output. Default: its last layer.",
  layers: "**Layers**: the block's layers, in order, written as the model's `layers` (they may use other blocks). **Required.**",
};

/** The keys a use of a block has besides the block's parameters. */
export const BLOCK_USE_KEYS: Record<string, string> = {
  type: "**Type**: the block's name, one of the file's `blocks`. **Required.**",
  name:
    "**Name**: the use's name N; its layers are named `N.<inner name>`, and with `repeat` copy i's are `N.<i>.<inner name>` (torchvision's `layer1.0.conv1`). " +
    'Optional, no default: a use without a name is known by its index.',
  inputs: "**Inputs**: as many layer names as the block has inputs. Default: the layer before (for a block with one input).",
  repeat: "**Repeat**: chains this many copies of the block, each taking the previous one's output. Default `1`.",
  first: '**First**: the number of the first copy, for a stage whose first block differs (`layer2.0` written apart, then `first: 1`). Default `0`.',
};

const IDENTIFIER = '^[A-Za-z_][A-Za-z0-9_.-]*$';

/** `blocks:` at the top level: block names to definitions. */
export function blocksProperty(): JsonObject {
  return {
    type: 'object',
    propertyNames: { pattern: IDENTIFIER },
    additionalProperties: { $ref: '#/definitions/blockDefinition' },
    defaultSnippets: [{ label: 'a block', body: { '${1:name}': { params: { '${2:filters}': null }, layers: [{ type: '${3:conv}' }] } } }],
  };
}

/** Definitions for blocks. `blockLayerObject` is the layer object whose parameters also take `$name`. */
export function blockDefinitions(types: readonly string[], blockLayerObject: JsonObject): JsonObject {
  const notALayerType = { type: 'string', pattern: IDENTIFIER, not: { enum: [...types] } };
  const useProperties: JsonObject = {
    type: { ...notALayerType, ...described(BLOCK_USE_KEYS['type']!) },
    name: { type: 'string', minLength: 1, pattern: '\\S', ...described(BLOCK_USE_KEYS['name']!) },
    inputs: { anyOf: [LAYER_REF, { type: 'array', items: LAYER_REF, minItems: 1 }], ...described(BLOCK_USE_KEYS['inputs']!) },
    repeat: { anyOf: [{ type: 'integer', minimum: 1 }, { $ref: BLOCK_PARAMETER }], default: 1, ...described(BLOCK_USE_KEYS['repeat']!) },
    first: { anyOf: [{ type: 'integer', minimum: 0 }, { $ref: BLOCK_PARAMETER }], default: 0, ...described(BLOCK_USE_KEYS['first']!) },
  };
  const use: JsonObject = {
    type: 'object',
    ...described("A use of a block: `type` is the block's name; the other keys are `name`, `inputs`, `repeat`, `first` and the block's parameters."),
    required: ['type'],
    properties: useProperties,
  };
  const bareUse = { ...notALayerType, ...described('A block written as its name alone (a block whose parameters all have defaults).') };
  return {
    layerOrUse: {
      ...described('A layer, or a use of one of the file\'s `blocks`.'),
      anyOf: [{ $ref: '#/definitions/layer' }, { $ref: '#/definitions/bareUse' }, { $ref: '#/definitions/blockUse' }],
    },
    bareUse,
    blockUse: use,
    blockLayer: {
      ...described('A layer of a block: as in `layers`, and a parameter value may be `$name`, a parameter of the block.'),
      anyOf: [{ $ref: '#/definitions/bareLayer' }, { $ref: '#/definitions/blockLayerObject' }, { $ref: '#/definitions/bareUse' }, { $ref: '#/definitions/blockUse' }],
    },
    blockLayerObject,
    blockParameter: {
      type: 'string',
      pattern: '^\\$[A-Za-z_][A-Za-z0-9_]*$',
      ...described('`$name`: the value of the block parameter `name`.'),
    },
    blockDefinition: {
      type: 'object',
      ...described('A block: a sub-network defined once, used as a layer type by its name.'),
      required: ['layers'],
      additionalProperties: false,
      properties: {
        params: {
          type: 'object',
          propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
          additionalProperties: { type: ['null', 'number', 'string', 'boolean', 'array'] },
          ...described(BLOCK_DEFINITION_KEYS['params']!),
        },
        inputs: { type: 'array', items: { type: 'string', minLength: 1, pattern: '\\S' }, minItems: 1, ...described(BLOCK_DEFINITION_KEYS['inputs']!) },
        output: { type: 'string', minLength: 1, pattern: '\\S', ...described(BLOCK_DEFINITION_KEYS['output']!) },
        layers: { type: 'array', minItems: 1, items: { $ref: '#/definitions/blockLayer' }, ...described(BLOCK_DEFINITION_KEYS['layers']!) },
      },
    },
  };
}
