// Generators of broken and random model documents (fast-check), shared by the robustness tests and the
// message-catalogue tests: the same inputs must give the same diagnostics in every language.
import fc from 'fast-check';

export const TYPES = ['conv', 'maxpool', 'avgpool', 'globalavgpool', 'relu', 'softmax', 'leakyrelu', 'batchnorm', 'dropout', 'flatten', 'dense', 'add', 'concat', 'upsample', 'convv', 'Conv', ''];
export const KEYS = ['filters', 'kernel', 'stride', 'padding', 'dilation', 'groups', 'bias', 'in_channels', 'units', 'rate', 'scale', 'slope', 'channels', 'eps', 'name', 'inputs', 'filterz', 'parameters'];

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0, 1, 2, 3, 1e300, -1e-9, 2.5, 1.5, 2 ** 40),
  fc.constantFrom('same', 'valid', 'true', 'x', '中文', '😀', '"3"', "'a: b'", 'null', '~', '[1, 2]', '[0, 1, 2]', '{a: 1}', 'input', 'a', 'b', 'c0'),
  fc.boolean(),
);
const yamlValue = scalar.map((v) => (typeof v === 'string' ? v : String(v)));

const layerYaml = fc.oneof(
  fc.constantFrom(...TYPES).map((t) => `  - ${t || 'relu'}\n`),
  fc.tuple(fc.constantFrom(...TYPES), fc.array(fc.tuple(fc.constantFrom(...KEYS), yamlValue), { maxLength: 5 }), fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.constantFrom('', ' # 注释 😀', ' #')).map(([t, kv, flow, nl, comment]) =>
    flow
      ? `  - {type: ${t}${kv.map(([k, v]) => `, ${k}: ${v}`).join('')}}${comment}${nl}`
      : `  - type: ${t}${comment}${nl}${kv.map(([k, v]) => `    ${k}: ${v}${nl}`).join('')}`,
  ),
);

const header = fc.tuple(
  fc.constantFrom('input: 32x32x3\n', 'input: {width: 28, height: 28, depth: 1}\n', 'input: 0x0x0\n', 'input: 1x1x1\n', 'input: hello\n', '', 'input: 99999999999x2x3\n'),
  fc.constantFrom('', 'rounding: floor\n', 'rounding: ceil\n', 'rounding: bogus\n', 'name: 网络 🚀\n'),
);
export const yamlDoc = fc.tuple(header, fc.array(layerYaml, { maxLength: 12 }), fc.constantFrom('', 'labels: [a, b]\n', 'weights: w.safetensors\n', 'preprocess: {scale: 1}\n', 'extra: 1\n')).map(
  ([[inp, rnd], layers, tail]) => `${inp}${rnd}layers:\n${layers.join('')}${tail}`,
);

export const mutation = fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.constantFrom('', ':', '-', ' ', '\n', '{', ']', '"', '#', '\t', '&a ', '*a', '😀', '\r\n', '---\n', '|\n'));
export function mutate(text: string, muts: Array<[number, number, string]>): string {
  let t = text;
  for (const [pos, del, ins] of muts) {
    const p = t.length ? pos % (t.length + 1) : 0;
    t = t.slice(0, p) + ins + t.slice(p + del);
  }
  return t;
}

