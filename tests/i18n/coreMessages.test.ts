// The core's diagnostics in Chinese: the same diagnostics (code, place, numbers) as in English, every
// placeholder filled, and each area's messages really translated (so that a message left in English or
// a language switch that does nothing is caught).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CATALOG, DEFINITION_KEYS, TOP_KEYS, USE_KEYS, analyze, placeholdersOf, sizeFixes, withLocale, type Analysis, type CoreDiagnostic, type Locale } from '../../core/src/index';
import { mutate, mutation, yamlDoc } from '../core/brokenModels';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const yaml = (text: string, locale: Locale): Analysis => analyze({ text, fileName: 'm.cnn.yaml', locale });
const json = (text: string, locale: Locale): Analysis => analyze({ text, fileName: 'm.cnn.json', locale });
const HAN = /[\u4e00-\u9fff]/;

/** Digits as they stand in a message: the arithmetic and the user's own numbers. */
const numbers = (s: string) => [...s.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).sort();

/** Every placeholder name of the catalogue: one of these in braces in a message was left unfilled. */
const PLACEHOLDERS = new Set(Object.values(CATALOG['zh-cn']).flatMap((area) => Object.values(area as Record<string, string>).flatMap(placeholdersOf)));

function unfilled(message: string, text: string): string[] {
  return [...message.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].filter((m) => PLACEHOLDERS.has(m[1]!) && !text.includes(m[0])).map((m) => m[0]);
}

/** Everything said about one diagnostic: its message and its related messages. */
const said = (d: CoreDiagnostic) => [d.message, ...(d.related ?? []).map((r) => r.message), ...(d.fix?.kind === 'replace' ? d.fix.suggestions.map((s) => s.title) : [])];

function sameDiagnostics(text: string, en: Analysis, zh: Analysis): void {
  assert.equal(zh.diagnostics.length, en.diagnostics.length, `${text}\n${en.diagnostics.map((d) => d.message).join('\n')}\n---\n${zh.diagnostics.map((d) => d.message).join('\n')}`);
  en.diagnostics.forEach((e, i) => {
    const z = zh.diagnostics[i]!;
    assert.deepEqual([z.code, z.severity, z.span], [e.code, e.severity, e.span], text);
    assert.deepEqual(numbers(z.message), numbers(e.message), `${e.message}\n${z.message}`);
    assert.equal(z.related?.length ?? 0, e.related?.length ?? 0);
    for (const m of said(z)) assert.deepEqual(unfilled(m, text), [], m);
  });
}

test("the tutorial's 32×32, F = 4, S = 3 model: the same arithmetic in Chinese, and Chinese fix titles", () => {
  const text = read('samples/tutorial/05-32x32-f4-s3-not-whole.cnn.yaml');
  const en = yaml(text, 'en');
  const zh = yaml(text, 'zh-cn');
  const pick = (a: Analysis) => a.diagnostics.find((d) => d.code === 'non-integer-output')!;
  assert.match(pick(en).message, /\(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33/);
  assert.ok(pick(zh).message.includes('(32 − 4 + 2·0)/3 + 1 = 10.33'), pick(zh).message);
  assert.match(pick(zh).message, HAN);
  assert.doesNotMatch(pick(zh).message, /whole|output/);
  assert.deepEqual([pick(zh).span, pick(zh).severity], [pick(en).span, pick(en).severity]);
  assert.deepEqual(numbers(pick(zh).message), numbers(pick(en).message));
  const titles = (l: Locale) => withLocale(l, () => sizeFixes(zh.model, zh.layers, 0).map((f) => f.title));
  assert.ok(titles('en').includes('Set the input to 34x34x3 → 11×11×8'), titles('en').join('\n'));
  assert.ok(titles('zh-cn').includes('把输入设为 34x34x3 → 11×11×8'), titles('zh-cn').join('\n'));
  assert.ok(titles('zh-cn').some((s) => s.startsWith('把这一层向下取整（rounding: floor）→ 10×10×8')), titles('zh-cn').join('\n'));
});

test('generated broken YAML models: the same diagnostics in Chinese as in English, every placeholder filled', () => {
  fc.assert(
    fc.property(yamlDoc, fc.array(mutation, { maxLength: 3 }), (doc, muts) => {
      const text = mutate(doc, muts);
      sameDiagnostics(text, yaml(text, 'en'), yaml(text, 'zh-cn'));
    }),
    { numRuns: 400 },
  );
});

test('mutated block models and JSON models: the same diagnostics in both languages', () => {
  const blocks = read('samples/v2/resnet18.cnn.yaml');
  const jsonText = read('samples/vgg16.cnn.json');
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (muts, isJson) => {
      const text = mutate(isJson ? jsonText : blocks, muts);
      const run = isJson ? json : yaml;
      sameDiagnostics(text, run(text, 'en'), run(text, 'zh-cn'));
    }),
    { numRuns: 150 },
  );
});

/** The one diagnostic of `code` in each language; the Chinese one must differ from the English and hold Chinese. */
function bothLanguages(text: string, code: CoreDiagnostic['code'], kind: 'yaml' | 'json' = 'yaml'): { en: CoreDiagnostic; zh: CoreDiagnostic } {
  const run = kind === 'json' ? json : yaml;
  const en = run(text, 'en').diagnostics.find((d) => d.code === code);
  const zh = run(text, 'zh-cn').diagnostics.find((d) => d.code === code);
  assert.ok(en && zh, `no ${code} in ${text}`);
  assert.notEqual(zh.message, en.message);
  assert.match(zh.message, HAN, zh.message);
  assert.doesNotMatch(en.message, HAN, en.message);
  return { en, zh };
}

test('syntax: a missing colon, several documents and a JSON mistake are said in Chinese', () => {
  const colon = bothLanguages('input: 8x8x1\nlayers:\n  - type: conv\n    filters 4\n    kernel: 3\n', 'syntax');
  assert.match(colon.en.message, /^missing ':' after 'filters'/);
  assert.equal(colon.zh.message, "`filters 4` 中 'filters' 后面缺少 ':'：映射的每一行写成 `key: value`，例如 `filters: 4`");
  assert.match(bothLanguages('input: 8x8x1\nlayers: [relu]\n---\ninput: 1x1x1\n', 'syntax').zh.message, /^一个模型文件只包含一个 YAML 文档；这个文件有 2 个（第 3 行是第二个 `---`）$/);
  assert.match(bothLanguages('{"input": "8x8x1", "layers": ["relu" "relu"]}', 'syntax', 'json').zh.message, /^JSON：这里前面缺少一个 `,`。$/);
  // eemeli/yaml's own sentences: the English as the library says it, the Chinese from the catalogue.
  const column = bothLanguages('input: 8x8x1\nlayers: [relu]\n  x: 1\n', 'syntax');
  assert.deepEqual([column.en.message, column.zh.message], ['All mapping items must start at the same column', 'YAML：映射的各项必须从同一列开始']);
});

test('syntax: YAML mistakes with no sentence of their own are said in Chinese by their kind, with the parser\'s words beside; English keeps the parser\'s words', () => {
  const broken = [
    'name: "a\\q"\ninput: 8x8x1\nlayers: [relu]\n',
    'input: 8x8x1\nlayers: [relu]\nname: &a &b x\n',
    'input: 8x8x1\nlayers: [relu]\nname: !a !b x\n',
    'input: 8x8x1\nlayers: [relu]\nname: @x\n',
    'input: 8x8x1\nlayers:\n  - relu\n - relu\n',
    '%FOO bar\n---\ninput: 8x8x1\nlayers: [relu]\n',
  ];
  for (const text of broken) {
    const en = yaml(text, 'en').diagnostics.filter((d) => d.code === 'syntax');
    const zh = yaml(text, 'zh-cn').diagnostics.filter((d) => d.code === 'syntax');
    assert.ok(en.length > 0, `no syntax error for ${JSON.stringify(text)}`);
    assert.equal(zh.length, en.length);
    zh.forEach((d, i) => {
      assert.match(d.message, HAN, `${d.message} (${JSON.stringify(text)})`);
      // Not the bare heading over the parser's English.
      assert.doesNotMatch(d.message, /^YAML 语法错误：/, `${d.message} (${JSON.stringify(text)})`);
      assert.deepEqual(d.span, en[i]!.span);
    });
    for (const d of en) assert.doesNotMatch(d.message, HAN);
  }
});

test("syntax: a missing colon's follow-on complaints are dropped in Chinese too (a flag, not the message's text)", () => {
  const text = 'input: 8x8x1\nlayers:\n  - type: conv\n    filters 4\n    kernel: 3\n  - relu\n';
  const en = yaml(text, 'en').diagnostics;
  const zh = yaml(text, 'zh-cn').diagnostics;
  assert.deepEqual(zh.map((d) => d.code), en.map((d) => d.code));
  assert.deepEqual(en.map((d) => d.code), ['syntax']);
});

test('model: an unknown key with its suggestion, and its fix title, in Chinese', () => {
  const { en, zh } = bothLanguages('input: 8x8x1\nlayer: []\nlayers: [relu]\n', 'unknown-key');
  assert.equal(en.message, "unknown key 'layer'. Did you mean 'layers'?");
  assert.equal(zh.message, "未知的键 'layer'。是不是想写 'layers'？");
  assert.equal(zh.fix?.kind === 'replace' ? zh.fix.suggestions[0]!.title : '', "改为 'layers'");
});

test('values: a zero kernel and a list of the wrong length in Chinese', () => {
  const zero = bothLanguages('input: 8x8x1\nlayers:\n  - {type: conv, filters: 0, kernel: 3}\n', 'out-of-range');
  assert.equal(zero.en.message, 'filters is 0: it must be at least 1, zero makes no sense here');
  assert.equal(zero.zh.message, 'filters 是 0：它至少是 1，这里为零没有意义');
  // The parameter's doc inside the message is the layer's own, in the same language.
  const missing = bothLanguages('input: 8x8x1\nlayers:\n  - {type: conv, filters: 2}\n', 'missing-parameter');
  assert.match(missing.zh.message, /^conv 需要 `kernel`：/);
  assert.doesNotMatch(missing.zh.message, /Filter size/);
  const pair = bothLanguages('input: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: [3, x]}\n', 'wrong-type');
  assert.equal(pair.zh.message, 'kernel[1]（宽度） 必须是整数，而不是文本 "x"');
});

test("blocks: a definition's unknown parameter and the use's summary in Chinese", () => {
  const text = [
    'input: 8x8x4',
    'blocks:',
    '  unit:',
    '    params: {f: 4}',
    '    layers:',
    '      - {type: conv, filters: $g, kernel: 3, padding: 1}',
    'layers:',
    '  - {type: unit, name: a}',
    '',
  ].join('\n');
  const { en, zh } = bothLanguages(text, 'unknown-parameter');
  assert.equal(en.message, "block 'unit' has no parameter 'g'. Did you mean 'f'?");
  assert.equal(zh.message, "块 'unit' 没有参数 'g'。是不是想写 'f'？");
  const unused = bothLanguages(text, 'unused-parameter');
  assert.equal(unused.zh.message, "块 'unit' 从未使用它的参数 'f'（没有哪个值写成 `$f`）");
});

test('blocks: copies of a block are grouped in one Chinese message', () => {
  const text = [
    'input: 8x8x4',
    'blocks:',
    '  unit:',
    '    layers:',
    '      - {type: conv, filters: 4, kernel: 3, stride: 0}',
    'layers:',
    '  - {type: unit, name: s, repeat: 5}',
    '',
  ].join('\n');
  const zh = yaml(text, 'zh-cn').diagnostics;
  const en = yaml(text, 'en').diagnostics;
  assert.ok(en.some((d) => d.message === 'in s.0 … s.4 (5 copies): stride is 0: it must be at least 1, zero makes no sense here'), en.map((d) => d.message).join('\n'));
  assert.ok(zh.some((d) => d.message === '在 s.0 … s.4（5 个副本） 中：stride 是 0：它至少是 1，这里为零没有意义'), zh.map((d) => d.message).join('\n'));
  assert.ok(en.some((d) => d.message === "copies s.0 … s.4 (5 copies) of block 'unit' have errors"), en.map((d) => d.message).join('\n'));
  assert.ok(zh.some((d) => d.message === "块 'unit' 的副本 s.0 … s.4（5 个副本） 有错误"), zh.map((d) => d.message).join('\n'));
});

test('shape: an unknown reference, an unused layer and a layer counted from 1, in Chinese', () => {
  const ref = bothLanguages('input: 8x8x1\nlayers:\n  - {name: conv1, type: relu}\n  - {type: relu, inputs: conv2}\n', 'unknown-reference');
  assert.equal(ref.zh.message, "没有名为 'conv2' 的层。是不是想写 'conv1'？");
  const unused = bothLanguages('input: 8x8x1\nlayers:\n  - relu\n  - {type: relu, inputs: input}\n', 'unused-layer');
  assert.equal(unused.en.message, 'the output of the 1st layer (relu) is not used by any layer');
  assert.equal(unused.zh.message, '第 1 层（relu） 的输出没有被任何层使用');
});

test("shape: the 'same' padding arithmetic says 填充 in Chinese, with the same numbers", () => {
  // A layer's arithmetic is built in the process's language when first asked for (a hover): one analysis each.
  const text = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 2, kernel: 3, stride: 3, padding: same}\n';
  const lines = (l: Locale) => withLocale(l, () => yaml(text, l).layers[0]!.arithmetic.join('\n'));
  assert.ok(lines('en').includes("ceil(32 / 3) = 11 (padding 'same')"), lines('en'));
  assert.ok(lines('zh-cn').includes("ceil(32 / 3) = 11（填充 'same'）"), lines('zh-cn'));
});

test("keys: the top-level, block definition and block use keys' docs follow the language, as plain tables", () => {
  const en = { ...TOP_KEYS };
  assert.equal(en.layers, 'The list of layers, in order. Required.');
  assert.equal(withLocale('zh-cn', () => TOP_KEYS.layers), '按顺序排列的层的列表。必填。');
  assert.deepEqual(Object.keys(withLocale('zh-cn', () => ({ ...TOP_KEYS }))), Object.keys(en));
  assert.match(withLocale('zh-cn', () => Object.entries(DEFINITION_KEYS).map(([, v]) => v).join('')), HAN);
  assert.match(withLocale('zh-cn', () => USE_KEYS.repeat!), /^把块的这么多个副本串起来/);
  assert.ok(!Object.hasOwn(TOP_KEYS, 'constructor') && Object.hasOwn(USE_KEYS, 'first'));
});
