// schemas/cnn-model.schema.json: a valid draft-07 schema (what VS Code's JSON service and redhat.vscode-yaml
// read), in step with the checker's own layer registry, accepting every sample and good document, and
// rejecting typos and wrong values. Each document is also run through the checker (core/src), so that
// the schema and the checker agree on what is wrong with a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../core/src/index';
import { COMMON_KEYS, LAYERS, LAYER_TYPES } from '../../core/src/index';
import type { ParamSpec } from '../../core/src/index';
import { TOP_KEYS } from '../../core/src/index';

const root = resolve(__dirname, '..', '..');
const schemaPath = join(root, 'schemas', 'cnn-model.schema.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: Json | undefined, what: string): Obj => {
  assert.ok(isObj(v), `${what} should be an object`);
  return v;
};

const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Obj;

/** Keywords of VS Code's JSON language service (also read by redhat.vscode-yaml), not of JSON Schema. */
const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function load(text: string, fileName: string): unknown {
  return fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

function validate(text: string, fileName: string): ErrorObject[] {
  const v = validator();
  return v(load(text, fileName)) ? [] : [...(v.errors ?? [])];
}

function explain(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n  ');
}

/** Diagnostic codes the schema can also see: about the keys and values of the file, not about shapes. */
const SCHEMA_LEVEL_CODES = new Set([
  'unknown-layer-type', 'unknown-parameter', 'unknown-key', 'missing-parameter', 'missing-key', 'wrong-type',
  'out-of-range', 'input-count', 'empty-model',
]);
/** Codes after which the schema may well disagree (it does not see duplicate keys or tensor shapes). */
const BLIND_CODES = new Set(['syntax', 'duplicate-key', 'parameter-shape']);

function checkerCodes(text: string, fileName: string): string[] {
  return analyze({ text, fileName: fileName }).diagnostics.map((d) => d.code);
}

// ---------------------------------------------------------------- the schema itself

test('the schema is a draft-07 schema that ajv compiles in strict mode', () => {
  assert.equal(schema['$schema'], 'http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  assert.doesNotThrow(() => validator());
});

test('every property has a description and a markdownDescription, and says its default', () => {
  const missing: string[] = [];
  const noDefault: string[] = [];
  const walk = (node: Json, path: string, inThen: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${path}/${i}`, inThen));
      return;
    }
    if (!isObj(node)) return;
    if ('description' in node !== 'markdownDescription' in node) missing.push(`${path}: description and markdownDescription go together`);
    const props = node['properties'];
    if (isObj(props)) {
      for (const [key, sub] of Object.entries(props)) {
        const s = obj(sub, `${path}/properties/${key}`);
        // A type's `then` repeats the common keys only so that additionalProperties lets them through; they
        // are described once, in layerObject.properties.
        const placeholder = inThen && key in COMMON_KEYS;
        if (placeholder) continue;
        if (typeof s['description'] !== 'string' || typeof s['markdownDescription'] !== 'string') {
          missing.push(`${path}/properties/${key}`);
        }
        const d = typeof s['description'] === 'string' ? s['description'] : '';
        // Parameters and the model's optional keys say their default, or that they are required/optional.
        if (!/Default|Required|Optional|default/.test(d)) noDefault.push(`${path}/properties/${key}: ${d}`);
      }
    }
    for (const [k, v] of Object.entries(node)) {
      // snippets, defaults and enums are data, and an `if` only tests the type
      if (k === 'defaultSnippets' || k === 'default' || k === 'enum' || k === 'if') continue;
      walk(v, `${path}/${k}`, inThen || k === 'then');
    }
  };
  walk(schema, '#', false);
  assert.deepEqual(missing, []);
  assert.deepEqual(noDefault, []);
  // the wording the editors show on hover
  const conv = findThen('conv');
  assert.equal(
    obj(conv['stride'], 'conv stride')['description'],
    'Stride: how far the filter moves each step. Default 1. An integer or [height, width].',
  );
});

function layerObject(): Obj {
  return obj(obj(schema['definitions'], 'definitions')['layerObject'], 'layerObject');
}
/** The `then` of the layer type's if/then branch. */
function thenOf(type: string): Obj {
  const allOf = layerObject()['allOf'];
  assert.ok(Array.isArray(allOf));
  for (const branch of allOf) {
    const b = obj(branch, 'allOf branch');
    const cond = obj(obj(obj(b['if'], 'if')['properties'], 'if.properties')['type'], 'if type');
    if (cond['const'] === type) return obj(b['then'], 'then');
  }
  assert.fail(`no if/then branch for ${type}`);
}
function findThen(type: string): Obj {
  return obj(thenOf(type)['properties'], `${type} then.properties`);
}

// ---------------------------------------------------------------- in step with the checker

test('layer types, parameters, required keys and defaults match the checker\'s registry', () => {
  const lo = layerObject();
  const typeEnum = obj(obj(lo['properties'], 'layerObject.properties')['type'], 'type')['enum'];
  assert.deepEqual(typeEnum, [...LAYER_TYPES]);
  assert.deepEqual(Object.keys(obj(lo['properties'], 'p')).sort(), Object.keys(COMMON_KEYS).sort());

  const bare = obj(obj(schema['definitions'], 'definitions')['bareLayer'], 'bareLayer')['enum'];
  const bareInChecker = LAYER_TYPES.filter((t) => {
    const s = LAYERS.get(t)!;
    return s.arity === 'one' && !Object.values(s.params).some((p) => p.required);
  });
  assert.deepEqual(bare, bareInChecker, 'a bare type name is allowed exactly where the checker allows it');

  for (const type of LAYER_TYPES) {
    const spec = LAYERS.get(type)!;
    const then = thenOf(type);
    const props = obj(then['properties'], `${type} properties`);
    assert.equal(then['additionalProperties'], false, `${type}: additionalProperties false, so typos are flagged`);
    // v2: window layers also take their own `rounding` (not a parameter of the type, a key of the format).
    const own = Object.keys(props).filter((k) => !(k in COMMON_KEYS) && !(k === 'rounding' && spec.rounding));
    assert.deepEqual(own.sort(), Object.keys(spec.params).sort(), `${type}: parameters`);
    assert.equal('rounding' in props, spec.rounding === true, `${type}: a per-layer rounding exactly on window layers`);
    const inputs = obj(props['inputs'], `${type}.inputs`);
    if (spec.arity === 'many') assert.equal(inputs['minItems'], 2, `${type} takes two or more inputs`);
    else assert.equal(obj((inputs['anyOf'] as Json[])[1], `${type}.inputs list`)['maxItems'], 1, `${type} takes one input`);
    const required = [...((then['required'] as string[] | undefined) ?? [])].sort();
    const expectedRequired = Object.entries(spec.params).filter(([, p]) => p.required).map(([k]) => k);
    if (spec.arity === 'many') expectedRequired.push('inputs');
    assert.deepEqual(required, expectedRequired.sort(), `${type}: required`);
    for (const [name, p] of Object.entries(spec.params)) checkParam(`${type}.${name}`, obj(props[name], `${type}.${name}`), p);
  }
});

function checkParam(where: string, s: Obj, p: ParamSpec): void {
  if (p.default !== undefined) assert.deepEqual(s['default'], p.default, `${where}: default`);
  else assert.equal(s['default'], undefined, `${where}: no default`);
  const anyOf = (s['anyOf'] as Json[] | undefined)?.map((x) => obj(x, where));
  switch (p.kind) {
    case 'int':
      assert.equal(s['type'], 'integer', where);
      assert.equal(s['minimum'], p.min, where);
      break;
    case 'pair': {
      assert.ok(anyOf, `${where}: integer or [h, w]`);
      const int = anyOf.find((x) => x['type'] === 'integer');
      const arr = anyOf.find((x) => x['type'] === 'array');
      assert.equal(int?.['minimum'], p.min, where);
      assert.equal(arr?.['minItems'], 2, where);
      assert.equal(arr?.['maxItems'], 2, where);
      assert.equal(obj(arr?.['items'], where)['minimum'], p.min, where);
      break;
    }
    case 'padding': {
      assert.ok(anyOf, `${where}: integer, [h, w], same or valid`);
      assert.equal(anyOf.find((x) => x['type'] === 'integer')?.['minimum'], 0, where);
      assert.deepEqual(anyOf.find((x) => x['type'] === 'string')?.['enum'], ['same', 'valid'], where);
      break;
    }
    case 'bool':
      assert.equal(s['type'], 'boolean', where);
      break;
    case 'number': {
      assert.equal(s['type'], 'number', where);
      const lo = p.min === undefined ? undefined : p.minExclusive ? 'exclusiveMinimum' : 'minimum';
      const hi = p.max === undefined ? undefined : p.maxExclusive ? 'exclusiveMaximum' : 'maximum';
      for (const k of ['minimum', 'exclusiveMinimum']) assert.equal(s[k], k === lo ? p.min : undefined, `${where}: ${k}`);
      for (const k of ['maximum', 'exclusiveMaximum']) assert.equal(s[k], k === hi ? p.max : undefined, `${where}: ${k}`);
      break;
    }
  }
}

test('top-level keys match the checker\'s', () => {
  const props = Object.keys(obj(schema['properties'], 'properties'));
  assert.deepEqual(props.sort(), Object.keys(TOP_KEYS).sort());
  assert.deepEqual(schema['required'], ['input', 'layers']);
  assert.equal(schema['additionalProperties'], false);
});

// ---------------------------------------------------------------- documents

function sampleFiles(): string[] {
  const dir = join(root, 'samples');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => /\.cnn\.(ya?ml|json)$/.test(f))
    .sort();
}

test('every sample agrees with the checker: valid to the schema exactly when its keys and values are', (t) => {
  const files = sampleFiles();
  t.diagnostic(`${files.length} sample file(s) under samples/`);
  for (const file of files) {
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const codes = checkerCodes(text, file);
    let errors: ErrorObject[];
    try {
      errors = validate(text, file);
    } catch (e) {
      // a file the YAML/JSON parser refuses (the checker says `syntax`/`duplicate-key` too)
      assert.ok(codes.some((c) => BLIND_CODES.has(c)), `${rel}: does not load (${String(e)}), but the checker finds no syntax error`);
      continue;
    }
    const flagged = codes.filter((c) => SCHEMA_LEVEL_CODES.has(c));
    if (errors.length === 0) assert.deepEqual(flagged, [], `${rel}: the schema accepts it, the checker does not`);
    else if (!codes.some((c) => BLIND_CODES.has(c))) {
      assert.notDeepEqual(flagged, [], `${rel}: the checker accepts it, the schema does not:\n  ${explain(errors)}`);
    }
  }
});

const VALID: Record<string, string> = {
  'minimal.cnn.yaml': `input: 28x28x1
layers:
  - relu
`,
  'lenet.cnn.yaml': `# LeNet-5 — 中文注释 🚀
name: LeNet-5
input: {width: 32, height: 32, depth: 1}
rounding: floor
labels: [zero, one, two, three, four, five, six, seven, eight, nine]
preprocess:
  scale: 0.00392156862745098
  mean: 0.1307
  std: 0.3081
layers:
  - type: conv
    name: c1
    filters: 6
    kernel: 5
  - tanh
  - {type: avgpool, kernel: 2, stride: 2}
  - type: conv
    filters: 16
    kernel: [5, 5]
    stride: [1, 1]
    padding: valid
    dilation: 1
    groups: 1
    bias: true
    in_channels: 6
  - sigmoid
  - type: maxpool
    kernel: [2, 2]
    padding: 0
  - flatten
  - {type: dense, units: 120, in_features: 400}
  - gelu
  - {type: dense, units: 84, bias: false}
  - {type: leakyrelu, slope: 0.2}
  - {type: dropout, rate: 0.25}
  - {type: dense, units: 10}
  - softmax
`,
  'resnet-block.cnn.yaml': `name: block
input: "64x64x3"
weights: block.safetensors
labels: labels.txt
preprocess:
  mean: [0.485, 0.456, 0.406]
  std: [0.229, 0.224, 0.225]
layers:
  - {type: conv, name: stem, filters: 8, kernel: 3, padding: same}
  - {type: batchnorm, name: bn, channels: 8, eps: 1e-5}
  - relu
  - {type: conv, name: a, filters: 8, kernel: 3, padding: [1, 1], inputs: stem}
  - {type: conv, name: b, filters: 8, kernel: 1, inputs: [stem]}
  - {type: add, name: sum, inputs: [a, b]}
  - {type: concat, inputs: [sum, a, b]}
  - {type: upsample, scale: 2}
  - type: conv
    filters: 2
    kernel: 1
    parameters:
      weight: [[[[1.0]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]]], [[[1.0]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]], [[0.5]]]]
      bias: [0, 0]
  - globalavgpool
  - globalmaxpool
`,
  'tiny.cnn.json': `{
  "name": "tiny",
  "input": "32x32x3",
  "rounding": "strict",
  "layers": [
    { "type": "conv", "name": "c1", "filters": 16, "kernel": [3, 3], "padding": "same", "stride": 1 },
    "relu",
    { "type": "maxpool", "kernel": 2 },
    { "type": "batchnorm", "parameters": { "weight": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "bias": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "running_mean": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "running_var": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } },
    "flatten",
    { "type": "dense", "units": 10, "in_features": 4096 },
    "softmax"
  ]
}
`,
};

for (const [fileName, text] of Object.entries(VALID)) {
  test(`valid document ${fileName} passes the schema, and the checker agrees`, () => {
    const errors = validate(text, fileName);
    assert.deepEqual(errors, [], explain(errors));
    const codes = checkerCodes(text, fileName);
    assert.deepEqual(codes.filter((c) => SCHEMA_LEVEL_CODES.has(c) || BLIND_CODES.has(c)), [], `checker: ${codes.join(', ')}`);
  });
}

interface Invalid {
  yaml: string;
  /** Some error must be at this instance path … */
  path: string;
  /** … with this ajv keyword. */
  keyword: string;
  /** The checker's code for the same mistake. */
  code: string;
}

const head = 'input: 32x32x3\nlayers:\n';
const INVALID: Record<string, Invalid> = {
  'a typo in a parameter name': { yaml: `${head}  - {type: conv, filtres: 16, filters: 16, kernel: 3}\n`, path: '/layers/0', keyword: 'additionalProperties', code: 'unknown-parameter' },
  'a filter count given as a string': { yaml: `${head}  - {type: conv, filters: "16", kernel: 3}\n`, path: '/layers/0/filters', keyword: 'type', code: 'wrong-type' },
  'a rounding that does not exist': { yaml: `rounding: round\n${head}  - relu\n`, path: '/rounding', keyword: 'enum', code: 'out-of-range' },
  'an unknown layer type': { yaml: `${head}  - {type: convolution, filters: 16, kernel: 3}\n`, path: '/layers/0/type', keyword: 'enum', code: 'unknown-layer-type' },
  'an unknown bare layer type': { yaml: `${head}  - rleu\n`, path: '/layers/0', keyword: 'enum', code: 'unknown-layer-type' },
  'a bare conv (it needs filters and kernel)': { yaml: `${head}  - conv\n`, path: '/layers/0', keyword: 'enum', code: 'missing-parameter' },
  'a conv without kernel': { yaml: `${head}  - {type: conv, filters: 16}\n`, path: '/layers/0', keyword: 'required', code: 'missing-parameter' },
  'a layer without type': { yaml: `${head}  - {filters: 16, kernel: 3}\n`, path: '/layers/0', keyword: 'required', code: 'missing-parameter' },
  'a fractional filter count': { yaml: `${head}  - {type: conv, filters: 2.5, kernel: 3}\n`, path: '/layers/0/filters', keyword: 'type', code: 'wrong-type' },
  'zero filters': { yaml: `${head}  - {type: conv, filters: 0, kernel: 3}\n`, path: '/layers/0/filters', keyword: 'minimum', code: 'out-of-range' },
  'a kernel of one number in a list': { yaml: `${head}  - {type: conv, filters: 4, kernel: [3]}\n`, path: '/layers/0/kernel', keyword: 'minItems', code: 'wrong-type' },
  'a kernel of three numbers': { yaml: `${head}  - {type: conv, filters: 4, kernel: [3, 3, 3]}\n`, path: '/layers/0/kernel', keyword: 'maxItems', code: 'wrong-type' },
  'a stride of 0 in a pair': { yaml: `${head}  - {type: conv, filters: 4, kernel: 3, stride: [1, 0]}\n`, path: '/layers/0/stride/1', keyword: 'minimum', code: 'out-of-range' },
  'a negative padding': { yaml: `${head}  - {type: conv, filters: 4, kernel: 3, padding: -1}\n`, path: '/layers/0/padding', keyword: 'minimum', code: 'out-of-range' },
  'a padding word that does not exist': { yaml: `${head}  - {type: conv, filters: 4, kernel: 3, padding: full}\n`, path: '/layers/0/padding', keyword: 'enum', code: 'wrong-type' },
  'bias as text': { yaml: `${head}  - {type: dense, units: 3, bias: "yes"}\n`, path: '/layers/0/bias', keyword: 'type', code: 'wrong-type' },
  'a dropout rate of 1': { yaml: `${head}  - {type: dropout, rate: 1}\n`, path: '/layers/0/rate', keyword: 'exclusiveMaximum', code: 'out-of-range' },
  'an eps of 0': { yaml: `${head}  - {type: batchnorm, eps: 0}\n`, path: '/layers/0/eps', keyword: 'exclusiveMinimum', code: 'out-of-range' },
  'a parameter another type has': { yaml: `${head}  - {type: relu, rate: 0.5}\n`, path: '/layers/0', keyword: 'additionalProperties', code: 'unknown-parameter' },
  'add with one input': { yaml: `${head}  - {type: conv, name: a, filters: 3, kernel: 1}\n  - {type: add, inputs: [a]}\n`, path: '/layers/1/inputs', keyword: 'minItems', code: 'input-count' },
  'concat without inputs': { yaml: `${head}  - relu\n  - {type: concat}\n`, path: '/layers/1', keyword: 'required', code: 'input-count' },
  'conv with two inputs': { yaml: `${head}  - {type: relu, name: a}\n  - {type: relu, name: b}\n  - {type: conv, filters: 3, kernel: 1, inputs: [a, b]}\n`, path: '/layers/2/inputs', keyword: 'maxItems', code: 'input-count' },
  'an empty layer name': { yaml: `${head}  - {type: relu, name: ""}\n`, path: '/layers/0/name', keyword: 'minLength', code: 'wrong-type' },
  'an input of two numbers': { yaml: `input: 32x32\nlayers:\n  - relu\n`, path: '/input', keyword: 'pattern', code: 'wrong-type' },
  'an input of zero width': { yaml: `input: 0x32x3\nlayers:\n  - relu\n`, path: '/input', keyword: 'pattern', code: 'out-of-range' },
  'an input object without depth': { yaml: `input: {width: 32, height: 32}\nlayers:\n  - relu\n`, path: '/input', keyword: 'required', code: 'missing-key' },
  'an input object with a typo': { yaml: `input: {width: 32, height: 32, depht: 3}\nlayers:\n  - relu\n`, path: '/input', keyword: 'additionalProperties', code: 'unknown-key' },
  'no input': { yaml: `layers:\n  - relu\n`, path: '', keyword: 'required', code: 'missing-key' },
  'a top-level typo': { yaml: `${head}  - relu\nlables: [a, b]\n`, path: '', keyword: 'additionalProperties', code: 'unknown-key' },
  'an empty layer list': { yaml: `input: 32x32x3\nlayers: []\n`, path: '/layers', keyword: 'minItems', code: 'empty-model' },
  'a std of 0': { yaml: `preprocess: {std: [0.2, 0, 0.2]}\n${head}  - relu\n`, path: '/preprocess/std/1', keyword: 'exclusiveMinimum', code: 'out-of-range' },
  'a preprocess typo': { yaml: `preprocess: {scael: 0.5}\n${head}  - relu\n`, path: '/preprocess', keyword: 'additionalProperties', code: 'unknown-key' },
  'an empty weights path': { yaml: `weights: ""\n${head}  - relu\n`, path: '/weights', keyword: 'minLength', code: 'wrong-type' },
  'upsample by 1.5': { yaml: `${head}  - {type: upsample, scale: 1.5}\n`, path: '/layers/0/scale', keyword: 'type', code: 'wrong-type' },
};

for (const [what, c] of Object.entries(INVALID)) {
  test(`invalid: ${what} fails the schema, and the checker says ${c.code}`, () => {
    const errors = validate(c.yaml, 'bad.cnn.yaml');
    assert.ok(errors.length > 0, 'the schema accepted it');
    assert.ok(
      errors.some((e) => e.instancePath === c.path && e.keyword === c.keyword),
      `expected a ${c.keyword} error at ${c.path || '/'}; got:\n  ${explain(errors)}`,
    );
    // the same document as JSON fails the same way
    const asJson = JSON.stringify(parseYaml(c.yaml), null, 2);
    const jsonErrors = validate(asJson, 'bad.cnn.json');
    assert.ok(jsonErrors.some((e) => e.instancePath === c.path && e.keyword === c.keyword), explain(jsonErrors));
    const codes = checkerCodes(c.yaml, 'bad.cnn.yaml');
    assert.ok(codes.includes(c.code), `the checker should say ${c.code}; it says ${codes.join(', ') || 'nothing'}`);
  });
}
