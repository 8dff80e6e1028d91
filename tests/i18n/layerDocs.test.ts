// The layer types' docs in Chinese (core/src/i18n/zh-cn/layers.ts) against the registry's English: every
// text translated, no entry for a type or parameter that does not exist, the same `code`, numbers and
// placeholders, the tutorials' terms; and the localised views (reference, hover texts, messages,
// arithmetic, summary) really change language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  commonKeyDoc,
  defaultLabel,
  englishLayerDocs,
  englishWeightLayouts,
  kindLabel,
  layerDocTranslation,
  layerReference,
  layerRoundingDoc,
  layerTexts,
  LAYERS,
  mergeAxisLines,
  paramDoc,
  renderSummaryText,
  summarize,
  t,
  withLocale,
} from '../../core/src/index';
import { clashes, glossaryProblems, missing, sameTokens, untranslated, type Pair } from './textChecks';

const shapesAsCode = (s: string) => s.replace(/\[[^\]]*\]/g, (m) => `\`${m}\``);

const zhLayers = layerDocTranslation('zh-cn')!.docs;
const zhWeights = layerDocTranslation('zh-cn')!.weights;
const zh = (key: string): string => zhLayers[key] ?? '';

function pairs(): Pair[] {
  return [
    ...englishLayerDocs().map(({ key, en }) => ({ id: key, en, zh: zh(key) })),
    // A layout's brackets hold tensor axes by their parameter names ([filters]): names, as `code` is.
    ...englishWeightLayouts().map(({ key, en }) => ({ id: `weights ${key}`, en: shapesAsCode(en), zh: shapesAsCode(zhWeights[key] ?? '') })),
  ];
}

test('every doc of every layer type, parameter and common key has a Chinese text', () => {
  assert.ok(pairs().length > 150, 'the registry has its docs');
  assert.deepEqual(missing(pairs()), []);
  assert.deepEqual(untranslated(pairs()), []);
});

test('no Chinese entry without an English text (no orphans)', () => {
  const keys = new Set(englishLayerDocs().map((e) => e.key as string));
  assert.deepEqual(Object.keys(zhLayers).filter((k) => !keys.has(k)), []);
  const weights = new Set(englishWeightLayouts().map((e) => e.key));
  assert.deepEqual(Object.keys(zhWeights).filter((k) => !weights.has(k)), []);
});

test('the Chinese docs keep the `code`, numbers and placeholders of the English', () => {
  assert.deepEqual(sameTokens(pairs()), []);
});

test("the Chinese docs use the tutorials' terms", () => {
  assert.deepEqual(glossaryProblems(pairs()), []);
  assert.deepEqual(clashes(pairs()), []);
});

test('the checks can fail: a doc with another number, a dropped `code` or 步长 is caught', () => {
  const en = 'Stride: how far the `kernel` moves, 2 by default.';
  assert.equal(sameTokens([{ id: 'x', en, zh: '步幅：卷积核移动的距离，默认 3。' }]).length, 2);
  assert.ok(glossaryProblems([{ id: 'x', en, zh: '步长：`kernel` 移动的距离，默认 2。' }]).some((p) => p.includes('步长')));
});

test('first mentions carry the English term for PyTorch names', () => {
  assert.match(zh('conv.param.stride'), /^步幅 \(stride\)/);
  assert.match(zh('conv.doc'), /卷积核 \(kernel\)/);
  assert.match(zh('maxpool.summary'), /最大池化 \(max pooling\)/);
  assert.match(zh('flatten.doc'), /^拉直 \(flatten\)/);
});

test('the layer reference and its views follow the language, English by default', () => {
  const en = layerReference(['conv'])[0]!;
  assert.equal(en.doc, LAYERS.get('conv')!.doc);
  const ref = withLocale('zh-cn', () => layerReference(['conv'])[0]!);
  assert.equal(ref.doc, zh('conv.doc'));
  assert.equal(ref.params.find((p) => p.name === 'stride')!.doc, zh('conv.param.stride'));
  assert.equal(ref.weights['bias'], '[filters]（有 bias 时）');
  assert.deepEqual({ ...ref, summary: '', doc: '', rule: '', params: [], weights: {} }, { ...en, summary: '', doc: '', rule: '', params: [], weights: {} });
  assert.equal(withLocale('zh-cn', () => paramDoc('maxpool', 'padding')), zh('maxpool.param.padding'));
  assert.equal(paramDoc('maxpool', 'padding'), LAYERS.get('maxpool')!.params['padding']!.doc);
  assert.equal(paramDoc('maxpool', 'toString'), undefined);
  assert.equal(withLocale('zh-cn', () => commonKeyDoc('inputs')), zh('common.inputs'));
  assert.equal(commonKeyDoc('constructor'), undefined);
  assert.match(withLocale('zh-cn', () => layerRoundingDoc()), /取整/);
  assert.equal(withLocale('zh-cn', () => layerTexts('relu')!.summary), 'ReLU 激活函数：max(0, x)');
  const stride = en.params.find((p) => p.name === 'stride')!;
  assert.equal(kindLabel(stride), 'integer or [height, width], each ≥ 1');
  assert.equal(withLocale('zh-cn', () => kindLabel(stride)), '整数或 [高, 宽]，每个 ≥ 1');
  assert.equal(withLocale('zh-cn', () => defaultLabel(stride)), '默认 1');
  const padding = en.params.find((p) => p.name === 'padding')!;
  assert.equal(kindLabel(padding), 'integer, [height, width], `same` or `valid`');
  assert.equal(withLocale('zh-cn', () => kindLabel(padding)), '整数、[高, 宽]、`same`或`valid`');
});

const STRIDE3 = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n  - {type: dense, units: 10}\n';

test("a layer check's message, its note and the arithmetic change language, the numbers stay", () => {
  const run = () => analyze({ text: STRIDE3, fileName: 'x.cnn.yaml' });
  const en = run();
  const zh = withLocale('zh-cn', run);
  const nonWhole = (a: typeof en) => a.diagnostics.find((d) => d.code === 'non-integer-output')!.message;
  assert.equal(nonWhole(en), 'output width and height (32 − 4 + 2·0)/3 + 1 = 10.33 are not whole numbers');
  assert.match(nonWhole(zh), /^输出宽度和高度 \(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33 都不是整数$/);
  const dense = (a: typeof en) => a.diagnostics.find((d) => d.code === 'shape-mismatch')!;
  assert.match(dense(en).message, /^dense needs a flat 1 × 1 × N input/);
  assert.match(dense(zh).message, /^dense（全连接层）需要拉直的 1 × 1 × N 输入/);
  assert.match(dense(zh).message, /10 × 10 × 8/);
  // The arithmetic is made on first use, in the language of that moment (one process, one language).
  assert.deepEqual(mergeAxisLines(en.layers[0]!.arithmetic), ['width, height: (32 − 4 + 2·0)/3 + 1 = 10.33', 'depth: filters = 8']);
  assert.deepEqual(withLocale('zh-cn', () => mergeAxisLines(run().layers[0]!.arithmetic)), ['宽度、高度：(32 − 4 + 2·0)/3 + 1 = 10.33', '深度：卷积核数 filters = 8']);
  assert.deepEqual(mergeAxisLines(['width: 1', 'height: 2']), ['width: 1', 'height: 2']);
});

test('the summary table speaks the language and lines up Chinese headings', () => {
  const analysis = analyze({ text: STRIDE3, fileName: 'x.cnn.yaml' });
  const en = renderSummaryText(summarize(analysis));
  assert.match(en, /Total params: /);
  assert.match(en, /2 errors, 0 warnings|1 error, 0 warnings/);
  const zh = withLocale('zh-cn', () => renderSummaryText(summarize(analysis)));
  assert.match(zh, /参数总数：/);
  assert.match(zh, /个错误，0 个警告/);
  const lines = zh.split('\n');
  const head = lines[2]!;
  const row = lines.find((l) => l.includes('⚠'))!;
  // "输出 W×H×D" starts where the output cells start, counting a Chinese character as two columns.
  const column = (s: string, i: number) => [...s.slice(0, i)].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
  assert.equal(column(head, head.indexOf('输出')), column(row, row.indexOf('⚠')));
  assert.equal(t('summary.colParams'), 'Params');
});
