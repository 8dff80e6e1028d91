// Tokenizes CNN model files with the real TextMate engine (vscode-textmate + vscode-oniguruma, as in VS Code),
// with our injection grammars on top of real YAML and JSON base grammars, and checks the scopes.
//
// Two sets of base grammars (see tests/fixtures/grammars/README.md):
//   vscode   — the grammars VS Code ships today (RedCMD's YAML, VS Code's JSON), vendored under tests/fixtures;
//   textmate — the TextMate bundle's YAML grammar and an older VS Code JSON grammar, from the tm-grammars package.
// Every check runs against both.
//
// `CNN_GRAMMAR_DUMP=1 node --import tsx --test tests/grammar/grammar.test.ts` prints every token of the samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { LAYER_TYPES } from '../../core/src/index';

const root = resolve(__dirname, '..', '..');
const syntaxes = join(root, 'syntaxes');
const vendored = join(root, 'tests', 'fixtures', 'grammars', 'vscode');

type BaseSet = 'vscode' | 'textmate';
const BASE_SETS: readonly BaseSet[] = ['vscode', 'textmate'];

const OUR_GRAMMARS: Record<string, string> = {
  'source.cnn.yaml': join(syntaxes, 'cnn-yaml.tmLanguage.json'),
  'source.cnn.json': join(syntaxes, 'cnn-json.tmLanguage.json'),
  'cnn-yaml.injection': join(syntaxes, 'cnn-yaml.injection.tmLanguage.json'),
  'cnn-json.injection': join(syntaxes, 'cnn-json.injection.tmLanguage.json'),
};

function baseGrammars(set: BaseSet): Record<string, string> {
  if (set === 'vscode') {
    return {
      'source.yaml': join(vendored, 'yaml.tmLanguage.json'),
      'source.yaml.1.0': join(vendored, 'yaml-1.0.tmLanguage.json'),
      'source.yaml.1.1': join(vendored, 'yaml-1.1.tmLanguage.json'),
      'source.yaml.1.2': join(vendored, 'yaml-1.2.tmLanguage.json'),
      'source.yaml.1.3': join(vendored, 'yaml-1.3.tmLanguage.json'),
      'source.yaml.embedded': join(vendored, 'yaml-embedded.tmLanguage.json'),
      'source.json': join(vendored, 'json.tmLanguage.json'),
    };
  }
  return {
    'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
    'source.json': require.resolve('tm-grammars/grammars/json.json'),
  };
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function getOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

const grammarCache = new Map<string, Promise<vsctm.IGrammar>>();
/** Our base grammar (`source.cnn.yaml` / `source.cnn.json`) over the given base set, with or without the injection. */
function loadGrammar(scopeName: 'source.cnn.yaml' | 'source.cnn.json', set: BaseSet, inject = true): Promise<vsctm.IGrammar> {
  const key = `${scopeName}|${set}|${inject}`;
  let g = grammarCache.get(key);
  if (!g) {
    const paths = { ...baseGrammars(set), ...OUR_GRAMMARS };
    const registry = new vsctm.Registry({
      onigLib: getOnigLib(),
      loadGrammar: (name: string) => {
        const p = paths[name];
        return Promise.resolve(p ? vsctm.parseRawGrammar(readFileSync(p, 'utf8'), p) : null);
      },
      getInjections: (name: string) => {
        if (!inject) return undefined;
        if (name === 'source.cnn.yaml') return ['cnn-yaml.injection'];
        if (name === 'source.cnn.json') return ['cnn-json.injection'];
        return undefined;
      },
    });
    g = registry.loadGrammar(scopeName).then((loaded) => {
      if (!loaded) throw new Error(`grammar ${scopeName} did not load`);
      return loaded;
    });
    grammarCache.set(key, g);
  }
  return g;
}

interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

function tokenize(grammar: vsctm.IGrammar, source: string): Token[][] {
  let state = vsctm.INITIAL;
  return source.split('\n').map((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({
      line,
      start: t.startIndex,
      end: Math.min(t.endIndex, lineText.length),
      text: lineText.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}

function dump(title: string, lines: Token[][]): void {
  if (!process.env['CNN_GRAMMAR_DUMP']) return;
  console.log(`--- ${title}`);
  for (const tokens of lines) {
    for (const t of tokens) console.log(`${t.line}:${t.start}-${t.end} ${JSON.stringify(t.text)}  ${t.scopes.slice(1).join(' ')}`);
  }
}

/**
 * The token that is exactly `text`, the `occurrence`-th time `text` appears on `line` (a line number, or the
 * first line containing `lineContains`). Fails when no single token spans exactly that text.
 */
function tokenAt(lines: Token[][], source: string, lineContains: string, text: string, occurrence = 0): Token {
  const srcLines = source.split('\n');
  const line = srcLines.findIndex((l) => l.includes(lineContains));
  assert.ok(line >= 0, `no line contains ${JSON.stringify(lineContains)}`);
  const lineText = srcLines[line]!;
  let idx = -1;
  for (let i = 0; i <= occurrence; i++) {
    idx = lineText.indexOf(text, idx + 1);
    assert.ok(idx >= 0, `${JSON.stringify(text)} (#${occurrence}) not on line ${line}: ${JSON.stringify(lineText)}`);
  }
  const tok = lines[line]!.find((t) => t.start === idx && t.end === idx + text.length);
  assert.ok(
    tok,
    `no single token for ${JSON.stringify(text)} at ${line}:${idx}; tokens: ` +
      lines[line]!.map((t) => `${JSON.stringify(t.text)}[${t.scopes.slice(1).join(' ')}]`).join(', '),
  );
  return tok;
}

function hasScope(tok: Token, scope: string): boolean {
  return tok.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}
function assertScope(tok: Token, scope: string): void {
  assert.ok(hasScope(tok, scope), `${JSON.stringify(tok.text)} at ${tok.line}:${tok.start} should have ${scope}; has ${tok.scopes.join(' ')}`);
}
function assertNoCnnScope(tok: Token): void {
  const ours = tok.scopes.filter((s) => s.endsWith('.cnn') || s.startsWith('support.type.cnn-layer'));
  assert.deepEqual(ours, [], `${JSON.stringify(tok.text)} at ${tok.line}:${tok.start} should have no CNN scope`);
}
/** All tokens overlapping the given text on the line that contains it. */
function tokensIn(lines: Token[][], source: string, lineContains: string, text: string): Token[] {
  const srcLines = source.split('\n');
  const line = srcLines.findIndex((l) => l.includes(lineContains));
  assert.ok(line >= 0);
  const start = srcLines[line]!.indexOf(text);
  assert.ok(start >= 0);
  return lines[line]!.filter((t) => t.end > start && t.start < start + text.length);
}

/**
 * What the base grammar says about structure (punctuation, comments, invalid marks; and with VS Code's grammars,
 * whose scalars live in their own rules, also the meta.* scopes) is the same with and without our injection,
 * character by character.
 */
async function assertSameStructure(scopeName: 'source.cnn.yaml' | 'source.cnn.json', set: BaseSet, text: string, what: string): Promise<void> {
  const plain = tokenize(await loadGrammar(scopeName, set, false), text);
  const ours = tokenize(await loadGrammar(scopeName, set, true), text);
  const keepMeta = set === 'vscode' || scopeName === 'source.cnn.json';
  const structural = (scopes: string[]): string =>
    scopes
      .filter((s) => ['punctuation.', 'comment.', 'invalid.'].some((p) => s.startsWith(p)) || (keepMeta && s.startsWith('meta.')))
      .join(' ');
  const srcLines = text.split('\n');
  for (let line = 0; line < srcLines.length; line++) {
    for (let ch = 0; ch < srcLines[line]!.length; ch++) {
      const a = plain[line]!.find((t) => t.start <= ch && ch < t.end);
      const b = ours[line]!.find((t) => t.start <= ch && ch < t.end);
      assert.equal(structural(b?.scopes ?? []), structural(a?.scopes ?? []), `${what}: line ${line} char ${ch} of ${JSON.stringify(srcLines[line])}`);
    }
  }
}

const LAYER = 'support.type.cnn-layer';
const PARAM = 'variable.parameter.cnn';
const KEYWORD = 'keyword.other.cnn';
const NUMERIC = 'constant.numeric.cnn';
const CONSTANT = 'constant.language.cnn';

const YAML_SAMPLE = `# 一个小的卷积网络 — 中文注释
name: tiny
input: 32x32x3
rounding: floor
labels: [cat, dog]
preprocess:
  scale: 0.00392
  mean: [0.5, 0.5, 0.5]
  std: 0.25
layers:
  # 🚀 emoji in a comment: type: conv
  - type: conv          # 卷积 🚀
    name: c1
    filters: 16
    kernel: [3, 3]
    stride: 1
    padding: same
  - relu
  - type: "maxpool"
    kernel: 2
  - {type: conv, name: "卷积🚀块", filters: 8, kernel: 3, padding: valid}
  - type: batchnorm
    eps: 1e-5
  - type: dropout
    rate: .5
  - flatten
  - type: dense
    units: 10
    bias: false
  - type: leakyrelu
    slope: -0.01
  - type: add
    inputs: [c1, input]
  - softmax
`;

const JSON_SAMPLE = `{
  "name": "tiny",
  "input": "32x32x3",
  "rounding": "ceil",
  "preprocess": { "scale": 0.00392, "mean": [0.5, 0.5, 0.5], "std": 1 },
  "layers": [
    { "type": "conv", "name": "卷积🚀", "filters": 16, "kernel": [3, 3], "padding": "same" },
    "relu",
    {
      "type": "maxpool",
      "kernel": 2,
      "stride": 2
    },
    "flatten", "softmax",
    { "type": "dense", "units": 10, "bias": false, "eps": 1e-5 }
  ]
}
`;

for (const set of BASE_SETS) {
  test(`YAML (${set} base grammar): layer types, parameters, numbers, constants`, async () => {
    const lines = tokenize(await loadGrammar('source.cnn.yaml', set), YAML_SAMPLE);
    dump(`yaml/${set}`, lines);
    const at = (lineContains: string, text: string, occurrence = 0): Token => tokenAt(lines, YAML_SAMPLE, lineContains, text, occurrence);

    // the value of type: is a layer type, its key a parameter name
    assertScope(at('- type: conv ', 'conv'), LAYER);
    assertScope(at('- type: conv ', 'type'), PARAM);
    assertScope(at('    filters: 16', 'filters'), PARAM);
    assertScope(at('    filters: 16', '16'), NUMERIC);
    assertScope(at('    kernel: [3, 3]', '3', 0), NUMERIC);
    assertScope(at('    kernel: [3, 3]', '3', 1), NUMERIC);
    assertScope(at('    stride: 1', '1'), NUMERIC);
    assertScope(at('    padding: same', 'padding'), PARAM);
    assertScope(at('    padding: same', 'same'), CONSTANT);
    // bare sequence items
    assertScope(at('  - relu', 'relu'), LAYER);
    assertScope(at('  - flatten', 'flatten'), LAYER);
    assertScope(at('  - softmax', 'softmax'), LAYER);
    // a quoted type
    assertScope(at('type: "maxpool"', 'maxpool'), LAYER);
    // flow mapping, with CJK and an emoji (a surrogate pair) before later keys on the same line
    const flow = '{type: conv, name:';
    assertScope(at(flow, 'type'), PARAM);
    assertScope(at(flow, 'conv'), LAYER);
    assertScope(at(flow, 'name'), PARAM);
    assertScope(at(flow, 'filters'), PARAM);
    assertScope(at(flow, '8'), NUMERIC);
    assertScope(at(flow, 'kernel'), PARAM);
    assertScope(at(flow, '3'), NUMERIC);
    assertScope(at(flow, 'valid'), CONSTANT);
    for (const t of tokensIn(lines, YAML_SAMPLE, flow, '"卷积🚀块"')) assertNoCnnScope(t);
    // more layer types and their numbers
    assertScope(at('type: batchnorm', 'batchnorm'), LAYER);
    assertScope(at('eps: 1e-5', 'eps'), PARAM);
    assertScope(at('eps: 1e-5', '1e-5'), NUMERIC);
    assertScope(at('rate: .5', '.5'), NUMERIC);
    assertScope(at('type: dense', 'dense'), LAYER);
    assertScope(at('units: 10', 'units'), PARAM);
    assertScope(at('bias: false', 'bias'), PARAM);
    assertScope(at('slope: -0.01', '-0.01'), NUMERIC);
    assertScope(at('type: leakyrelu', 'leakyrelu'), LAYER);
    assertScope(at('type: add', 'add'), LAYER);
    assertScope(at('inputs: [c1, input]', 'inputs'), PARAM);
    for (const t of tokensIn(lines, YAML_SAMPLE, 'inputs: [c1, input]', 'c1, input')) if (!/^[\s,]*$/.test(t.text)) assertNoCnnScope(t);
    // the model's own keys and values
    assertScope(at('name: tiny', 'name'), KEYWORD);
    for (const t of tokensIn(lines, YAML_SAMPLE, 'name: tiny', 'tiny')) assertNoCnnScope(t);
    assertScope(at('    name: c1', 'name'), PARAM);
    assertScope(at('input: 32x32x3', 'input'), KEYWORD);
    assertScope(at('input: 32x32x3', '32x32x3'), NUMERIC);
    assertScope(at('rounding: floor', 'rounding'), KEYWORD);
    assertScope(at('rounding: floor', 'floor'), CONSTANT);
    assertScope(at('labels: [cat, dog]', 'labels'), KEYWORD);
    for (const t of tokensIn(lines, YAML_SAMPLE, 'labels: [cat, dog]', 'cat')) assertNoCnnScope(t);
    assertScope(at('preprocess:', 'preprocess'), KEYWORD);
    assertScope(at('  scale: 0.00392', 'scale'), PARAM);
    assertScope(at('  scale: 0.00392', '0.00392'), NUMERIC);
    assertScope(at('  mean: [0.5', 'mean'), KEYWORD);
    assertScope(at('  mean: [0.5', '0.5', 2), NUMERIC);
    assertScope(at('  std: 0.25', 'std'), KEYWORD);
    assertScope(at('layers:', 'layers'), KEYWORD);
  });

  test(`YAML (${set} base grammar): comments stay comments, with CJK and emoji`, async () => {
    const lines = tokenize(await loadGrammar('source.cnn.yaml', set), YAML_SAMPLE);
    for (const t of lines[0]!) {
      assertNoCnnScope(t);
      assertScope(t, 'comment');
    }
    const emojiLine = '  # 🚀 emoji in a comment: type: conv';
    const i = YAML_SAMPLE.split('\n').indexOf(emojiLine);
    assert.ok(i > 0);
    for (const t of lines[i]!) assertNoCnnScope(t);
    assert.ok(lines[i]!.some((t) => t.text.includes('conv') && hasScope(t, 'comment')));
    // a trailing comment after a value
    for (const t of tokensIn(lines, YAML_SAMPLE, '- type: conv ', '# 卷积 🚀')) {
      assertNoCnnScope(t);
      assertScope(t, 'comment');
    }
  });

  test(`YAML (${set} base grammar): injection leaves the YAML structure alone`, async () => {
    await assertSameStructure('source.cnn.yaml', set, YAML_SAMPLE, 'YAML sample');
  });

  test(`YAML (${set} base grammar): no colouring where the words are not CNN syntax`, async () => {
    const src = `name: my net 3
description: "uses conv and relu: filters 3"
note: relu
layers:
  - type: notalayer
    padding: middle
    mean_value: 2
  - conv2
  - "relu tail"
`;
    const lines = tokenize(await loadGrammar('source.cnn.yaml', set), src);
    dump(`yaml-negative/${set}`, lines);
    for (const t of lines[0]!) if (t.text.includes('3')) assertNoCnnScope(t);
    for (const t of lines[1]!) assertNoCnnScope(t);
    for (const t of lines[2]!) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, 'notalayer', 'notalayer')) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, 'middle', 'middle')) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, 'mean_value', 'mean_value')) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, 'conv2', 'conv2')) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, 'relu tail', 'relu tail')) assertNoCnnScope(t);
  });

  test(`YAML and JSON (${set} base grammar): input shapes in the spellings the checker reads`, async () => {
    for (const shape of ['32x32x3', '224X224X3', '28×28×1']) {
      for (const [scopeName, src] of [
        ['source.cnn.yaml', `input: ${shape}\n`],
        ['source.cnn.yaml', `input: "${shape}"  # quoted\n`],
        ['source.cnn.json', `{"input": "${shape}"}\n`],
      ] as const) {
        const lines = tokenize(await loadGrammar(scopeName, set), src);
        assertScope(tokenAt(lines, src, 'input', shape), NUMERIC);
      }
    }
  });

  test(`JSON (${set} base grammar): "type": "conv", keys, numbers, constants, bare items`, async () => {
    const lines = tokenize(await loadGrammar('source.cnn.json', set), JSON_SAMPLE);
    dump(`json/${set}`, lines);
    const at = (lineContains: string, text: string, occurrence = 0): Token => tokenAt(lines, JSON_SAMPLE, lineContains, text, occurrence);
    const conv = '{ "type": "conv"';
    assertScope(at(conv, 'conv'), LAYER);
    assertScope(at(conv, 'conv'), 'string.quoted.double.json');
    assertScope(at(conv, 'type'), PARAM);
    assertScope(at(conv, 'type'), 'support.type.property-name.json');
    assertScope(at(conv, 'filters'), PARAM);
    assertScope(at(conv, '16'), NUMERIC);
    assertScope(at(conv, '3', 0), NUMERIC);
    assertScope(at(conv, '3', 1), NUMERIC);
    assertScope(at(conv, 'same'), CONSTANT);
    assertScope(at(conv, 'padding'), PARAM);
    assertScope(at(conv, 'name'), PARAM);
    for (const t of tokensIn(lines, JSON_SAMPLE, conv, '卷积🚀')) assertNoCnnScope(t);
    assertScope(at('    "relu",', 'relu'), LAYER);
    assertScope(at('"type": "maxpool"', 'maxpool'), LAYER);
    assertScope(at('"kernel": 2,', '2'), NUMERIC);
    assertScope(at('"flatten", "softmax"', 'flatten'), LAYER);
    assertScope(at('"flatten", "softmax"', 'softmax'), LAYER);
    const dense = '{ "type": "dense"';
    assertScope(at(dense, 'dense'), LAYER);
    assertScope(at(dense, 'units'), PARAM);
    assertScope(at(dense, '10'), NUMERIC);
    assertScope(at(dense, '1e-5'), NUMERIC);
    assertScope(at(dense, 'bias'), PARAM);
    for (const t of tokensIn(lines, JSON_SAMPLE, dense, 'false')) assertNoCnnScope(t);
    assertScope(at('"input": "32x32x3"', 'input'), KEYWORD);
    assertScope(at('"input": "32x32x3"', '32x32x3'), NUMERIC);
    assertScope(at('"rounding": "ceil"', 'rounding'), KEYWORD);
    assertScope(at('"rounding": "ceil"', 'ceil'), CONSTANT);
    assertScope(at('"preprocess"', 'preprocess'), KEYWORD);
    assertScope(at('"preprocess"', 'scale'), PARAM);
    assertScope(at('"preprocess"', 'mean'), KEYWORD);
    assertScope(at('"preprocess"', '0.00392'), NUMERIC);
    assertScope(at('"preprocess"', '0.5', 2), NUMERIC);
    assertScope(at('"preprocess"', 'std'), KEYWORD);
    assertScope(at('"layers": [', 'layers'), KEYWORD);
    for (const t of tokensIn(lines, JSON_SAMPLE, '"name": "tiny"', 'tiny')) assertNoCnnScope(t);
  });

  test(`JSON (${set} base grammar): injection leaves the JSON structure alone`, async () => {
    await assertSameStructure('source.cnn.json', set, JSON_SAMPLE, 'JSON sample');
  });

  test(`JSON (${set} base grammar): no colouring where the words are not CNN syntax`, async () => {
    const src = `{
  "name": "filters",
  "labels": "conv labels 3, 4",
  "layers": [{ "type": "notalayer", "padding": "middle", "relu": 1 }, "conv2"]
}
`;
    const lines = tokenize(await loadGrammar('source.cnn.json', set), src);
    dump(`json-negative/${set}`, lines);
    for (const t of tokensIn(lines, src, '"name": "filters"', '"filters"')) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, 'conv labels', '"conv labels 3, 4"')) assertNoCnnScope(t);
    for (const text of ['notalayer', 'middle', 'conv2']) for (const t of tokensIn(lines, src, text, text)) assertNoCnnScope(t);
    for (const t of tokensIn(lines, src, '"relu": 1', '"relu"')) assertNoCnnScope(t);
  });
}

interface Contributes {
  languages: { id: string; aliases: string[]; extensions: string[]; configuration: string }[];
  grammars: { scopeName: string; path: string; language?: string; injectTo?: string[] }[];
  jsonValidation: { fileMatch: string | string[]; url: string }[];
  yamlValidation: { fileMatch: string | string[]; url: string }[];
}
/** The `contributes` of the real extension manifest, package.json (what VS Code reads). */
function manifestContributes(): Contributes {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;
}

test('grammar files: scope names and injection selectors fit package.json contributes', () => {
  const read = (f: string): Record<string, unknown> => JSON.parse(readFileSync(join(syntaxes, f), 'utf8')) as Record<string, unknown>;
  assert.equal(read('cnn-yaml.tmLanguage.json')['scopeName'], 'source.cnn.yaml');
  assert.equal(read('cnn-json.tmLanguage.json')['scopeName'], 'source.cnn.json');
  assert.deepEqual(read('cnn-yaml.tmLanguage.json')['patterns'], [{ include: 'source.yaml' }]);
  assert.deepEqual(read('cnn-json.tmLanguage.json')['patterns'], [{ include: 'source.json' }]);
  assert.match(String(read('cnn-yaml.injection.tmLanguage.json')['injectionSelector']), /^L:source\.cnn\.yaml\b/);
  assert.match(String(read('cnn-json.injection.tmLanguage.json')['injectionSelector']), /^L:source\.cnn\.json\b/);
  const fragment = manifestContributes();
  for (const g of fragment.grammars) {
    const file = read(g.path.replace(/^\.\/syntaxes\//, ''));
    assert.equal(file['scopeName'], g.scopeName, g.path);
  }
  const injections = fragment.grammars.filter((g) => g.injectTo);
  assert.deepEqual(injections.map((g) => [g.scopeName, g.injectTo]), [
    ['cnn-yaml.injection', ['source.cnn.yaml']],
    ['cnn-json.injection', ['source.cnn.json']],
  ]);
});

test('the injections do not leak into plain YAML or JSON', async () => {
  // VS Code only injects into the scopes named in injectTo; a registry that asks for source.yaml's injections
  // gets none. This checks that our selectors cannot match a plain YAML/JSON document's scopes either.
  const yaml = JSON.parse(readFileSync(OUR_GRAMMARS['cnn-yaml.injection']!, 'utf8')) as { injectionSelector: string };
  const json = JSON.parse(readFileSync(OUR_GRAMMARS['cnn-json.injection']!, 'utf8')) as { injectionSelector: string };
  for (const part of yaml.injectionSelector.split(',')) assert.match(part.trim(), /^L:source\.cnn\.yaml /);
  for (const part of json.injectionSelector.split(',')) assert.match(part.trim(), /^L:source\.cnn\.json /);
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: (name: string) => {
      const p = { ...baseGrammars('vscode'), ...OUR_GRAMMARS }[name];
      return Promise.resolve(p ? vsctm.parseRawGrammar(readFileSync(p, 'utf8'), p) : null);
    },
    // even if every grammar were offered our injections, only source.cnn.* scopes are selected
    getInjections: () => ['cnn-yaml.injection', 'cnn-json.injection'],
  });
  const plainYaml = await registry.loadGrammar('source.yaml');
  assert.ok(plainYaml);
  for (const tokens of tokenize(plainYaml, YAML_SAMPLE)) for (const t of tokens) assertNoCnnScope(t);
  const plainJson = await registry.loadGrammar('source.json');
  assert.ok(plainJson);
  for (const tokens of tokenize(plainJson, JSON_SAMPLE)) for (const t of tokens) assertNoCnnScope(t);
});

// ---------------------------------------------------------------- the samples of the repository

const KNOWN_TYPES = new Set(LAYER_TYPES);

function sampleFiles(): string[] {
  const dir = join(root, 'samples');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => /\.cnn\.(ya?ml|json)$/.test(f))
    .sort();
}

for (const set of BASE_SETS) {
  test(`samples/ (${set} base grammar): every type value and bare layer is coloured, comments are not, structure is kept`, async (t) => {
    const files = sampleFiles();
    t.diagnostic(`${files.length} sample file(s)`);
    let checked = 0;
    for (const file of files) {
      const rel = relative(root, file);
      const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const scopeName = file.endsWith('.json') ? 'source.cnn.json' : 'source.cnn.yaml';
      const lines = tokenize(await loadGrammar(scopeName, set), text);
      await assertSameStructure(scopeName, set, text, rel);
      const srcLines = text.split('\n');
      const expectAt = (line: number, start: number, word: string, scope: string): void => {
        const tok = lines[line]!.find((x) => x.start === start && x.end === start + word.length);
        assert.ok(tok && hasScope(tok, scope), `${rel}:${line + 1}: ${JSON.stringify(word)} should be one token with ${scope}: ${JSON.stringify(srcLines[line])}`);
        checked++;
      };
      srcLines.forEach((lineText, line) => {
        const code = scopeName === 'source.cnn.yaml' ? lineText.replace(/(^|\s)#.*$/, '') : lineText;
        for (const m of code.matchAll(/(?<=(?:^|[\s{,])["']?type["']?[ \t]*:[ \t]*["']?)[a-z]+(?=["']?[ \t]*(?:[,}\]]|$))/g)) {
          if (KNOWN_TYPES.has(m[0])) expectAt(line, m.index, m[0], LAYER);
        }
        if (scopeName === 'source.cnn.yaml') {
          const bare = /^([ \t]*-[ \t]+)([a-z]+)[ \t]*$/.exec(code);
          if (bare && KNOWN_TYPES.has(bare[2]!)) expectAt(line, bare[1]!.length, bare[2]!, LAYER);
        }
        for (const m of code.matchAll(/(?<=(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)["']?)(?:filters|kernel|stride|units)(?=["']?[ \t]*:)/g)) {
          expectAt(line, m.index, m[0], PARAM);
        }
      });
      for (const tokens of lines) for (const tok of tokens) if (hasScope(tok, 'comment')) assertNoCnnScope(tok);
    }
    t.diagnostic(`${checked} coloured words checked`);
  });
}

// ---------------------------------------------------------------- language configuration and the manifest's contributes

interface RegexValue {
  pattern: string;
  flags?: string;
}
const regexOf = (v: string | RegexValue): RegExp => (typeof v === 'string' ? new RegExp(v) : new RegExp(v.pattern, v.flags));
interface OnEnterRule {
  beforeText: string | RegexValue;
  afterText?: string | RegexValue;
  action: { indent: string; appendText?: string };
}
interface LanguageConfiguration {
  comments?: { lineComment?: string; blockComment?: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
  folding?: { offSide?: boolean; markers?: { start: string; end: string } };
  wordPattern: string | RegexValue;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules?: OnEnterRule[];
}
const languageConfiguration = (name: string): LanguageConfiguration =>
  JSON.parse(readFileSync(join(root, 'language-configuration', name), 'utf8')) as LanguageConfiguration;

test('language configuration: comments, pairs, word pattern, folding', () => {
  const yaml = languageConfiguration('cnn-yaml.json');
  const json = languageConfiguration('cnn-json.json');
  assert.deepEqual(yaml.comments, { lineComment: '#' });
  assert.equal(json.comments, undefined, 'strict JSON has no comments');
  for (const c of [yaml, json]) {
    assert.deepEqual(c.brackets, [['{', '}'], ['[', ']']]);
    for (const open of ['{', '[', '"']) assert.ok(c.autoClosingPairs.some((p) => p.open === open), open);
    for (const open of ['{', '[', '"']) assert.ok(c.surroundingPairs.some((p) => p[0] === open), open);
    // VS Code adds the g flag to the word pattern; words are what a double click selects
    const words = (line: string): string[] => [...line.matchAll(new RegExp(regexOf(c.wordPattern).source, 'g' + regexOf(c.wordPattern).flags))].map((m) => m[0]);
    assert.deepEqual(words('input: 32x32x3'), ['input', '32x32x3']);
    assert.deepEqual(words('"input": "224x224x3",'), ['input', '224x224x3']);
    assert.deepEqual(words('  eps: 1e-5, slope: -0.01, rate: .5'), ['eps', '1e-5', 'slope', '-0.01', 'rate', '.5']);
    assert.deepEqual(words('  - {type: conv, in_channels: 3} # 卷积层'), ['type', 'conv', 'in_channels', '3', '卷积层']);
    assert.deepEqual(words('weights: res-net_18.safetensors'), ['weights', 'res-net_18.safetensors']);
    regexOf(c.indentationRules.increaseIndentPattern);
    regexOf(c.indentationRules.decreaseIndentPattern);
  }
  assert.equal(yaml.folding?.offSide, true);
  const markers = yaml.folding?.markers;
  assert.ok(markers);
  assert.match('  # region encoder', new RegExp(markers.start));
  assert.match('  #endregion', new RegExp(markers.end));
  assert.doesNotMatch('  # regional', new RegExp(markers.start));
});

test('language configuration: YAML Enter indents after `key:` and continues `- key: value` at its content column', () => {
  const yaml = languageConfiguration('cnn-yaml.json');
  const rules = yaml.onEnterRules ?? [];
  // VS Code applies the first rule whose beforeText matches the text before the cursor
  const onEnter = (before: string): { indent: string; appendText?: string } | undefined =>
    rules.find((r) => regexOf(r.beforeText).test(before))?.action;
  assert.deepEqual(onEnter('layers:'), { indent: 'indent' });
  assert.deepEqual(onEnter('preprocess:   # for the runner'), { indent: 'indent' });
  assert.deepEqual(onEnter('  - type: conv'), { indent: 'none', appendText: '  ' });
  assert.deepEqual(onEnter('  - type: conv  # 卷积 🚀'), { indent: 'none', appendText: '  ' });
  assert.deepEqual(onEnter('  - "type": conv'), { indent: 'none', appendText: '  ' });
  assert.deepEqual(onEnter('  -  type: conv'), { indent: 'none', appendText: '   ' });
  assert.deepEqual(onEnter('  - parameters:'), { indent: 'indent', appendText: '  ' });
  assert.equal(onEnter('  - relu'), undefined, 'after a bare layer the next item starts at the dash');
  assert.equal(onEnter('  - {type: conv, filters: 8, kernel: 3}'), undefined);
  assert.equal(onEnter('    filters: 16'), undefined);
  assert.equal(onEnter('  # note:'), undefined);
  const increase = new RegExp(yaml.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(yaml.indentationRules.decreaseIndentPattern);
  assert.match('layers:', increase);
  assert.match('  -', increase);
  assert.match('  kernel: [3,', increase);
  assert.doesNotMatch('    filters: 16', increase);
  assert.doesNotMatch('  - relu', increase);
  assert.match('  ]', decrease);
});

test('package.json contributes: ids, extensions, and every file it names exists', () => {
  const fragment = manifestContributes();
  assert.deepEqual(
    fragment.languages.map((l) => [l.id, l.aliases[0], l.extensions]),
    [
      // The display names are the catalogue's (package.nls.json), keyed by language id.
      ['cnn-yaml', '%language.cnn-yaml.alias%', ['.cnn.yaml', '.cnn.yml']],
      ['cnn-json', '%language.cnn-json.alias%', ['.cnn.json']],
    ],
  );
  const exists = (p: string): void => assert.ok(existsSync(join(root, p)), `${p} does not exist`);
  for (const l of fragment.languages) exists(l.configuration);
  for (const g of fragment.grammars) exists(g.path);
  assert.deepEqual(fragment.grammars.filter((g) => g.language).map((g) => [g.language, g.scopeName]), [
    ['cnn-yaml', 'source.cnn.yaml'],
    ['cnn-json', 'source.cnn.json'],
  ]);
  assert.deepEqual(fragment.jsonValidation, [{ fileMatch: '*.cnn.json', url: './schemas/cnn-model.schema.json' }]);
  assert.deepEqual(fragment.yamlValidation, [{ fileMatch: ['*.cnn.yaml', '*.cnn.yml'], url: './schemas/cnn-model.schema.json' }]);
  exists('schemas/cnn-model.schema.json');
});
