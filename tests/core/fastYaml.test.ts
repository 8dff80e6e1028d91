// The fast YAML path (core/src/syntax/fastYaml.ts) against eemeli/yaml (parseYaml): for any
// input, it either declines or gives the very same tree, every offset included. Inputs are random
// model-like documents and layer chunks in many layouts, and random edits of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chunkLayers } from '../../core/src/index';
import { DocumentParser } from '../../core/src/index';
import { parseYamlFast, scanYamlFast } from '../../core/src/index';
import { parseYaml } from '../../core/src/index';

const RUNS = 2500;

/** Declines, or equals parseYaml; counts how often it did not decline. */
function checkSame(text: string, base: number, stats?: { handled: number; total: number }): void {
  const fast = scanYamlFast(text, base); // throws on anything but declining
  if (stats) stats.total++;
  if (fast === undefined) return;
  if (stats) stats.handled++;
  assert.deepStrictEqual(fast, parseYaml(text, base), `fast path differs on ${JSON.stringify(text)}`);
}

// ---- scalars ---------------------------------------------------------------------------------

const numberText = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.tuple(fc.constantFrom('', '+', '-'), fc.nat(99), fc.constantFrom('', '.', '.5', '.50', '.0'), fc.constantFrom('', 'e3', 'E-5', 'e+07', 'e')).map((p) => p.join('')),
  fc.constantFrom(
    '0x1F', '0xff', '0x', '0o17', '0o8', '-0', '+0', '007', '1_000', '1,000', '12e', '.5', '-.5', '1.', '+1.5e+3', '1e-5', '.inf', '-.Inf', '+.INF',
    '.nan', '.NaN', '.NAN', '-.nan', '0b101', '9007199254740993', '1e400', '-1e-400', '2.50', '0.0', '.', '+', '-1e', '1e5.5', '0x1g', '+0x1F', '-0o7',
  ),
);
const wordText = fc.constantFrom(
  'relu', 'conv', 'same', 'valid', 'x', '32x32x3', 'input', '中文', '😀', '网络 🚀', 'a b', 'a:b', 'a#b', 'a #b', 'a: b', 'true', 'True', 'TRUE', 'tRue',
  'false', 'FALSE', 'null', 'Null', 'NULL', '~', 'nul', 'yes', 'no', 'on', '-x', '-', '--', '?x', ':x', '<<', '<x', '%x', '@x', '`x', 'x]', 'x}', 'x,y',
  '[x', '{x', '!x', '&x', '*x', '|', '>', 'é', '\u00a0x', '\ud800', 'a\\b', 'w.safetensors', 'path/to/x.txt', '(1)', '$x', '=', 'a  b', 'x:', 'x::y',
);
const singleQuoted = fc.string({ maxLength: 8, unit: fc.constantFrom('a', ' ', "'", '"', '\\', '中', '😀', ':', '#', 'é') }).map((s) => `'${s.replace(/'/g, "''")}'`);
const doubleQuoted = fc
  .array(fc.constantFrom('a', ' ', '中', '😀', '\\"', '\\\\', '\\n', '\\t', '\\/', '\\0', '\\x41', '\\u00e9', '\\U0001F600', '\\uD83D', '\\q', '\\x4', "'", ':', '# x', '\\ ', '\\_', '\\N', '\\U00110000'), { maxLength: 6 })
  .map((parts) => `"${parts.join('')}"`);
const rawText = fc.string({ maxLength: 6 });
const scalarText = fc.oneof(
  { arbitrary: numberText, weight: 4 },
  { arbitrary: wordText, weight: 4 },
  { arbitrary: singleQuoted, weight: 1 },
  { arbitrary: doubleQuoted, weight: 1 },
  { arbitrary: rawText, weight: 1 },
);
const keyText = fc.oneof(
  { arbitrary: fc.constantFrom('type', 'filters', 'kernel', 'stride', 'padding', 'name', 'inputs', 'layers', 'input', 'a', 'b', '键', '😀', 'a b', '1', '0x10', '1.0', 'true', 'null', '~', '-k', '<<', 'k#', '"q"', "'s'", '"a: b"', "''", 'x'.repeat(1100)), weight: 6 },
  { arbitrary: scalarText, weight: 1 },
);

// ---- documents ---------------------------------------------------------------------------------

type Value = { k: 'scalar'; text: string } | { k: 'map'; pairs: Array<[string, Value]>; flow: boolean } | { k: 'seq'; items: Value[]; flow: boolean };

const valueArb = fc.letrec<{ value: Value; map: Value; seq: Value }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { arbitrary: scalarText.map((text): Value => ({ k: 'scalar', text })), weight: 5 }, { arbitrary: tie('map'), weight: 2 }, { arbitrary: tie('seq'), weight: 2 }),
  map: fc.record({ k: fc.constant('map' as const), pairs: fc.array(fc.tuple(keyText, tie('value')), { minLength: 1, maxLength: 4 }), flow: fc.boolean() }),
  seq: fc.record({ k: fc.constant('seq' as const), items: fc.array(tie('value'), { minLength: 1, maxLength: 4 }), flow: fc.boolean() }),
})).value;

/** Layout choices, drawn once per document. */
interface Layout {
  step: number; // indentation step
  dashSpaces: number; // spaces after `-`
  colonSpaces: number; // spaces after `:`
  beforeColon: string; // spaces before `:`
  seqAtKeyColumn: boolean; // `key:\n- a` instead of `key:\n  - a`
  trailing: string; // after each value, before the line end
}
const layoutArb = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  dashSpaces: fc.integer({ min: 1, max: 3 }),
  colonSpaces: fc.integer({ min: 1, max: 2 }),
  beforeColon: fc.constantFrom('', '', '', ' '),
  seqAtKeyColumn: fc.boolean(),
  trailing: fc.constantFrom('', '', '', ' ', '  # 注释 😀', ' #', ' #c:', '#x'),
});

function flowText(v: Value): string {
  if (v.k === 'scalar') return v.text;
  if (v.k === 'seq') return `[${v.items.map(flowText).join(', ')}]`;
  return `{${v.pairs.map(([k, x]) => `${k}: ${flowText(x)}`).join(', ')}}`;
}

/** Block lines for a value placed after `head` (a key with its `:`, or `- `) at column `col`. */
function blockLines(head: string, col: number, v: Value, lay: Layout): string[] {
  const pad = ' '.repeat(col);
  if (v.k === 'scalar' || v.flow) return [`${pad}${head}${flowText(v)}${lay.trailing}`];
  if (head.startsWith('-') && v.k === 'map') {
    // compact mapping: the first pair on the item's line, the others aligned under it
    const inner = col + head.length;
    const [first, ...rest] = v.pairs;
    const lines = pairLines(first![0], first![1], inner, lay);
    lines[0] = pad + head + lines[0]!.slice(inner);
    for (const [k, x] of rest) lines.push(...pairLines(k, x, inner, lay));
    return lines;
  }
  const lines = [`${pad}${head.trimEnd()}`];
  const inner = v.k === 'seq' && lay.seqAtKeyColumn && !head.startsWith('-') ? col : col + lay.step;
  lines.push(...childLines(v, inner, lay));
  return lines;
}

function pairLines(k: string, v: Value, col: number, lay: Layout): string[] {
  return blockLines(`${k}${lay.beforeColon}:${' '.repeat(lay.colonSpaces)}`, col, v, lay);
}

function childLines(v: Value, col: number, lay: Layout): string[] {
  if (v.k === 'map') return v.pairs.flatMap(([k, x]) => pairLines(k, x, col, lay));
  if (v.k === 'seq') return v.items.flatMap((x) => blockLines(`-${' '.repeat(lay.dashSpaces)}`, col, x, lay));
  return [' '.repeat(col) + v.text];
}

/** Comment and blank lines slipped between the lines, at random columns. */
const triviaArb = fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '   ', '# c', '  # 注释', '    # 😀 deep', ' #', '#')), { maxLength: 3 });

function render(lines: string[], trivia: Array<[number, string]>, nl: string, finalNl: boolean): string {
  const out = lines.slice();
  for (const [at, line] of trivia) out.splice(at % (out.length + 1), 0, line);
  return out.join(nl) + (finalNl ? nl : '');
}

const documentArb = fc
  .tuple(fc.oneof(valueArb.filter((v) => v.k !== 'scalar'), valueArb), layoutArb, fc.integer({ min: 0, max: 3 }), triviaArb, fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([v, lay, indent, trivia, nl, finalNl]) => render(childLines(v, indent, lay), trivia, nl, finalNl));

// Layer chunks as the chunker cuts them, and model headers.
const layerArb = fc
  .tuple(fc.oneof(valueArb, fc.record({ k: fc.constant('map' as const), pairs: fc.array(fc.tuple(keyText, valueArb), { minLength: 1, maxLength: 5 }), flow: fc.boolean() })), layoutArb, fc.constantFrom(0, 2, 4), triviaArb, fc.constantFrom('\n', '\r\n'))
  .map(([v, lay, col, trivia, nl]) => render(blockLines(`-${' '.repeat(lay.dashSpaces)}`, col, v, lay), trivia.map(([at, l]) => [at + 1, l] as [number, string]), nl, true));
const headerArb = fc
  .tuple(fc.constantFrom('', 'name: x\n', 'name: 网络 🚀\n', '# model\n'), fc.constantFrom('input: 32x32x3\n', 'input: {width: 28, height: 28, depth: 1}\n', 'input: "32x32x3"\n', ''), fc.constantFrom('', 'rounding: floor\n'), fc.constantFrom('layers:\n', 'layers:  # the layers\n', 'layers:\r\n', 'layers:\n\n  # stem\n'))
  .map((p) => p.join(''));

const mutationArb = fc.tuple(
  fc.nat(),
  fc.nat({ max: 4 }),
  fc.constantFrom('', ':', ': ', '-', '- ', ' ', '  ', '\n', '\r\n', '\r', '{', '}', '[', ']', ',', '"', "'", '#', ' #', '\t', '&a ', '*a', '!t ', '|\n', '>\n', '---\n', '? ', '😀', '中', '\\', '0', '.', 'e', 'x', '<<: ', '%', '@', '\ufeff', '\u2028', '~'),
);
function mutate(text: string, muts: Array<[number, number, string]>): string {
  let t = text;
  for (const [pos, del, ins] of muts) {
    const p = t.length ? pos % (t.length + 1) : 0;
    t = t.slice(0, p) + ins + t.slice(p + del);
  }
  return t;
}

// ---- properties ----------------------------------------------------------------------------------

test('random documents: the fast path declines or equals eemeli/yaml, offsets included', () => {
  const stats = { handled: 0, total: 0 };
  fc.assert(
    fc.property(documentArb, fc.nat(1000), (text, base) => checkSame(text, base, stats)),
    { numRuns: RUNS },
  );
  // Not a vacuous pass: a good share of the documents really went through the fast path.
  assert.ok(stats.handled > stats.total * 0.1, `fast path took only ${stats.handled} of ${stats.total}`);
});

test('random layer chunks and headers: declines or equals eemeli/yaml', () => {
  const stats = { handled: 0, total: 0 };
  fc.assert(
    fc.property(fc.oneof(layerArb, headerArb), (text) => checkSame(text, 0, stats)),
    { numRuns: RUNS },
  );
  assert.ok(stats.handled > stats.total * 0.2, `fast path took only ${stats.handled} of ${stats.total}`);
});

test('mutated documents and chunks: declines or equals eemeli/yaml, never throws', () => {
  const stats = { handled: 0, total: 0 };
  fc.assert(
    fc.property(fc.oneof(documentArb, layerArb, headerArb), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (text, muts) => checkSame(mutate(text, muts), 0, stats)),
    { numRuns: RUNS },
  );
  assert.ok(stats.handled > stats.total * 0.03, `fast path took only ${stats.handled} of ${stats.total}`);
});

test('whole model files: every piece the chunker cuts declines or equals eemeli/yaml', () => {
  fc.assert(
    fc.property(headerArb, fc.array(layerArb.map((l) => l.replace(/^ */, '  ')), { minLength: 1, maxLength: 6 }), fc.constantFrom('', 'labels: [a, b]\n', 'weights: w.safetensors\n'), (head, layers, tail) => {
      const text = head + layers.join('') + tail;
      checkSame(text, 0);
      const chunks = chunkLayers(text);
      if (!chunks) return;
      checkSame(text.slice(0, chunks.itemsStart), 0);
      for (const [s, e] of chunks.items) checkSame(text.slice(s, e), s);
      if (chunks.suffixStart < text.length) checkSame(text.slice(chunks.suffixStart), chunks.suffixStart);
    }),
    { numRuns: RUNS },
  );
});

// ---- the fast path is really taken --------------------------------------------------------------

// Documents inside the subset only: sane scalars and keys, consistent indentation, no empty `-` item.
const cleanScalar = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('0x1F', '0o17', '1e-5', '.5', '.inf', '-.inf', '.nan', 'true', 'False', 'null', '~', 'relu', 'same', '32x32x3', '中文 😀', 'a#b', '-x', "'it''s'", '"é\\n😀"', '""'),
);
const cleanKey = fc.constantFrom('type', 'filters', 'kernel', 'stride', 'name', 'a b', '键', '"q: 1"', "'s'", '1', 'true');
const cleanValue = fc.letrec<{ value: Value; inSeq: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    { arbitrary: cleanScalar.map((text): Value => ({ k: 'scalar', text })), weight: 4 },
    { arbitrary: fc.record({ k: fc.constant('map' as const), pairs: fc.array(fc.tuple(cleanKey, tie('value')), { minLength: 1, maxLength: 3 }), flow: fc.boolean() }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('seq' as const), items: fc.array(tie('inSeq'), { minLength: 1, maxLength: 3 }), flow: fc.boolean() }), weight: 1 },
  ),
  // a block sequence directly inside a block sequence needs an empty `-` line, outside the subset
  inSeq: tie('value').map((v) => (v.k === 'seq' ? { ...v, flow: true } : v)),
})).value;
const cleanLayout = layoutArb.map((l) => ({ ...l, trailing: l.trailing === '#x' ? '' : l.trailing }));
const cleanDocument = fc
  .tuple(cleanValue.filter((v) => v.k !== 'scalar' && !v.flow), cleanLayout, fc.integer({ min: 0, max: 3 }), triviaArb, fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([v, lay, indent, trivia, nl, finalNl]) => render(childLines(v, indent, lay), trivia, nl, finalNl));

test('documents inside the subset are never declined, and equal eemeli/yaml', () => {
  fc.assert(
    fc.property(cleanDocument, fc.nat(1000), (text, base) => {
      const fast = scanYamlFast(text, base);
      assert.ok(fast, `declined: ${JSON.stringify(text)}`);
      assert.deepStrictEqual(fast, parseYaml(text, base));
    }),
    { numRuns: RUNS },
  );
});

test('typical chunk shapes are handled by the fast path, not declined', () => {
  const typical = [
    '  - type: conv\n    filters: 16\n    kernel: 3\n',
    '  - relu\n',
    '  - {type: maxpool, kernel: 2, stride: [2, 2]}  # 中文 😀\r\n',
    'name: x\ninput: 32x32x3\nrounding: floor\nlayers:\n',
    '  - type: conv   # stem\r\n    filters: 64\r\n    kernel: [7, 7]\r\n    stride: 2\r\n    padding: same\r\n\r\n  # block 1\r\n',
    '  - type: dropout\n    rate: .5\n  - type: batchnorm\n    eps: 1e-5\n',
    '  - name: "skip 😀"\n    type: add\n    inputs: [a, \'b\']\n',
    '- type: dense\n  units: 10\n  bias: false\n',
    'input: {width: 28, height: 28, depth: 1}\nlayers:  # 层\n\n  # stem\n',
    'labels: [cat, dog]\nweights: w.safetensors\npreprocess: {scale: 0.00392, mean: [0.5, 0.5, 0.5], std: 1}\n',
  ];
  for (const text of typical) {
    const fast = parseYamlFast(text, 7);
    assert.ok(fast, `declined: ${JSON.stringify(text)}`);
    assert.deepStrictEqual(fast, parseYaml(text, 7));
  }
});

test('values resolve as the YAML 1.2 core schema does', () => {
  const text = 'a: [1, -0, +5, 0x1F, 0o17, 1e3, 1E-5, .5, 1., -.inf, .NaN, true, False, ~, Null, "1", 0b1, 1_0, yes]\n';
  const fast = parseYamlFast(text, 0);
  assert.ok(fast && fast.root?.kind === 'map');
  const seq = fast.root.pairs[0]!.value;
  assert.ok(seq?.kind === 'seq');
  const values = seq.items.map((i) => (i.kind === 'scalar' ? i.value : undefined));
  assert.deepStrictEqual(values, [1, -0, 5, 31, 15, 1000, 1e-5, 0.5, 1, -Infinity, NaN, true, false, null, null, '1', '0b1', '1_0', 'yes']);
});

test('outside the subset it declines', () => {
  for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  x\n', 'a: b\n  c\n', '---\na: 1\n', '? a\n: b\n', 'a:\tb\n', 'a: [1,\n  2]\n', '<<: {a: 1}\n', 'a: "x\\q"\n', '-\n  a: 1\n', 'a: 1\n b: 2\n', 'just text\n', '']) {
    assert.equal(parseYamlFast(text, 0), undefined, JSON.stringify(text));
  }
});

test('the document parser takes the fast path for every chunk of a plain model', () => {
  const layers = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? '  - relu\n' : i % 3 === 1 ? `  - type: conv  # 卷积 ${i}\n    filters: ${i}\n    kernel: 3\n` : `  - {type: maxpool, kernel: 2, stride: [2, 2]}\n`));
  const text = `name: 😀\ninput: 32x32x3\nlayers:\n${layers.join('')}labels: [a, b]\n`;
  const chunks = chunkLayers(text);
  assert.ok(chunks);
  const pieces = [text.slice(0, chunks.itemsStart), ...chunks.items.map(([s, e]) => text.slice(s, e)), text.slice(chunks.suffixStart)];
  for (const p of pieces) assert.ok(parseYamlFast(p, 0), `declined: ${JSON.stringify(p)}`);
  assert.deepStrictEqual(new DocumentParser().parse(text, 'yaml'), parseYaml(text, 0));
});
