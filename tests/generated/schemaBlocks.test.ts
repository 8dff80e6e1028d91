// The schema generator with format v2's `blocks:` (emitted once the core lists `blocks` among its
// top-level keys): block definitions with `$name` parameters, uses as layer types, `repeat` and `first`;
// an unknown type is still an error in a file without blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv, { type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { TOP_KEYS } from '../../core/src/index';
import { registrySource } from '../../scripts/generate';
import { buildSchema } from '../../scripts/generate/schema';

const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];
const withBlocks = { ...registrySource(), topKeys: { ...TOP_KEYS, blocks: 'Sub-networks defined once, used as layer types by name. Optional.' } };
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addVocabulary(EDITOR_KEYWORDS);
const validate = ajv.compile(buildSchema(withBlocks));
const errorsOf = (yaml: string): ErrorObject[] => (validate(parseYaml(yaml)) ? [] : [...(validate.errors ?? [])]);
const explain = (e: ErrorObject[]): string => e.map((x) => `${x.instancePath} ${x.keyword} ${x.message ?? ''}`).join('\n');

const RESNET = `input: 56x56x64
blocks:
  basic:
    params:
      filters:
      stride: 1
    layers:
      - {name: conv1, type: conv, filters: $filters, kernel: 3, stride: $stride, padding: 1, bias: false}
      - {name: bn1, type: batchnorm}
      - relu
      - {name: conv2, type: conv, filters: $filters, kernel: 3, padding: 1, bias: false}
      - {name: bn2, type: batchnorm}
      - {name: sum, type: add, inputs: [bn2, input]}
      - relu
  stage:
    inputs: [x]
    output: b
    layers:
      - {name: a, type: basic, filters: 64, inputs: x}
      - {name: b, type: basic, filters: 64, repeat: 2, first: 1}
layers:
  - {name: layer1, type: basic, filters: 64, repeat: 2}
  - stage
  - globalavgpool
`;

test('a v2 file with blocks, $parameters, uses, repeat and first is valid', () => {
  const e = errorsOf(RESNET);
  assert.deepEqual(e, [], explain(e));
});

const cases: Record<string, { yaml: string; path: string; keyword: string }> = {
  'a layer type with a typo, in a file without blocks': { yaml: 'input: 8x8x3\nlayers:\n  - {type: convolution, filters: 4, kernel: 3}\n', path: '/layers/0/type', keyword: 'enum' },
  'a parameter of the wrong type inside a block (not a $name)': {
    yaml: 'input: 8x8x3\nblocks:\n  b:\n    layers:\n      - {type: conv, filters: "x", kernel: 3}\nlayers:\n  - b\n',
    path: '/blocks/b/layers/0/filters', keyword: 'type',
  },
  'a $name outside a block': { yaml: 'input: 8x8x3\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - {type: conv, filters: $f, kernel: 3}\n', path: '/layers/0/filters', keyword: 'type' },
  'a block without layers': { yaml: 'input: 8x8x3\nblocks:\n  b:\n    params: {f: 1}\nlayers:\n  - b\n', path: '/blocks/b', keyword: 'required' },
  'an unknown key in a block definition': { yaml: 'input: 8x8x3\nblocks:\n  b:\n    layer: [relu]\n    layers: [relu]\nlayers:\n  - b\n', path: '/blocks/b', keyword: 'additionalProperties' },
  'repeat 0': { yaml: 'input: 8x8x3\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - {type: b, repeat: 0}\n', path: '/layers/0/repeat', keyword: 'minimum' },
  'a bare conv, blocks or not': { yaml: 'input: 8x8x3\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - conv\n', path: '/layers/0', keyword: 'enum' },
};
for (const [what, c] of Object.entries(cases)) {
  test(`invalid with blocks: ${what}`, () => {
    const e = errorsOf(c.yaml);
    assert.ok(e.some((x) => x.instancePath === c.path && x.keyword === c.keyword), `expected ${c.keyword} at ${c.path}; got\n${explain(e)}`);
  });
}

test('without `blocks` among the core\'s top-level keys, the schema has no block definitions', () => {
  const s = buildSchema(registrySource()) as { definitions: Record<string, unknown>; properties: Record<string, unknown> };
  assert.equal('blocks' in TOP_KEYS, 'blocks' in s.properties);
  if (!('blocks' in TOP_KEYS)) assert.equal(s.definitions['blockDefinition'], undefined);
});
