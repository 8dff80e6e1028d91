// Block-heavy models for the benchmarks (format v2 `blocks:`), each with a flat file of the same
// expanded layers (the names written out) to compare against: a 6-layer block repeated `copies` times,
// and DenseNet-121 (torchvision's structure; 7,978,856 parameters) written with blocks.

const REPEATED_BLOCK = [
  { name: 'c1', text: 'type: conv, filters: $filters, kernel: 3, padding: 1' },
  { name: 'bn', text: 'type: batchnorm' },
  { name: 'act', text: 'type: relu' },
  { name: 'c2', text: 'type: conv, filters: $filters, kernel: [3, 3], padding: same' },
  { name: 'sum', text: 'type: add, inputs: [c2, input]' },
  { name: 'drop', text: 'type: dropout, rate: 0.1' },
];

/** One block (6 layers, a residual add) used once with `repeat: copies`. */
export function repeatedBlockModel(copies: number): string {
  const out = ['name: repeated block # 重复的块 🧱', 'input: 56x56x16', 'rounding: floor', 'blocks:', '  res:', '    params: {filters: 16}', '    layers:'];
  for (const l of REPEATED_BLOCK) out.push(`      - {name: ${l.name}, ${l.text}}`);
  out.push('layers:', `  - {name: stage, type: res, filters: 16, repeat: ${copies}}`, '  - globalavgpool', '');
  return out.join('\n');
}

/** The same network written out: every layer with its full name (`stage.<i>.<inner>`). */
export function repeatedBlockFlat(copies: number): string {
  const out = ['name: repeated block, flat # 重复的块 🧱', 'input: 56x56x16', 'rounding: floor', 'layers:'];
  for (let i = 0; i < copies; i++) {
    const p = `stage.${i}`;
    const prev = i === 0 ? 'input' : `stage.${i - 1}.drop`;
    for (const l of REPEATED_BLOCK) {
      const text = l.text.replace('$filters', '16').replace('[c2, input]', `[${p}.c2, ${prev}]`);
      out.push(`  - {name: ${p}.${l.name}, ${text}}`);
    }
  }
  out.push('  - globalavgpool', '');
  return out.join('\n');
}

const DENSE_LAYER = [
  'name: norm1, type: batchnorm',
  'name: relu1, type: relu',
  'name: conv1, type: conv, filters: 128, kernel: 1, bias: false',
  'name: norm2, type: batchnorm',
  'name: relu2, type: relu',
  'name: conv2, type: conv, filters: 32, kernel: 3, padding: 1, bias: false',
];
const STAGES = [6, 12, 24, 16];

/** DenseNet-121 (torchvision.models.densenet121): a dense layer block with `repeat`, and a transition block. */
export function densenet121(): string {
  const out = [
    'name: DenseNet-121 with blocks',
    'input: 224x224x3',
    'rounding: floor',
    'blocks:',
    '  denselayer:               # bn-relu-conv1x1(4·32)-bn-relu-conv3x3(32), concatenated to its input',
    '    layers:',
    ...DENSE_LAYER.map((l) => `      - {${l}}`),
    '      - {name: cat, type: concat, inputs: [input, conv2]}',
    '  transition:',
    '    params: {filters: }',
    '    layers:',
    '      - {name: norm, type: batchnorm}',
    '      - {name: relu, type: relu}',
    '      - {name: conv, type: conv, filters: $filters, kernel: 1, bias: false}',
    '      - {name: pool, type: avgpool, kernel: 2, stride: 2}',
    'layers:',
    '  - {name: conv0, type: conv, filters: 64, kernel: 7, stride: 2, padding: 3, bias: false}',
    '  - {name: norm0, type: batchnorm}',
    '  - {name: relu0, type: relu}',
    '  - {name: pool0, type: maxpool, kernel: 3, stride: 2, padding: 1}',
  ];
  let c = 64;
  STAGES.forEach((n, s) => {
    out.push(`  - {name: denseblock${s + 1}, type: denselayer, repeat: ${n}, first: 1}`);
    c += 32 * n;
    if (s < STAGES.length - 1) {
      c /= 2;
      out.push(`  - {name: transition${s + 1}, type: transition, filters: ${c}}`);
    }
  });
  out.push('  - {name: norm5, type: batchnorm}', '  - relu', '  - globalavgpool', '  - flatten', '  - {name: classifier, type: dense, units: 1000}', '');
  return out.join('\n');
}

/** DenseNet-121 written out layer by layer, with the names the blocks give. */
export function densenet121Flat(): string {
  const out = ['name: DenseNet-121, flat', 'input: 224x224x3', 'rounding: floor', 'layers:'];
  out.push(
    '  - {name: conv0, type: conv, filters: 64, kernel: 7, stride: 2, padding: 3, bias: false}',
    '  - {name: norm0, type: batchnorm}',
    '  - {name: relu0, type: relu}',
    '  - {name: pool0, type: maxpool, kernel: 3, stride: 2, padding: 1}',
  );
  let c = 64;
  let prev = 'pool0';
  STAGES.forEach((n, s) => {
    for (let i = 1; i <= n; i++) {
      const p = `denseblock${s + 1}.${i}`;
      out.push(`  - {name: ${p}.norm1, type: batchnorm, inputs: ${prev}}`);
      for (const l of DENSE_LAYER.slice(1)) out.push(`  - {${l.replace('name: ', `name: ${p}.`)}}`);
      out.push(`  - {name: ${p}.cat, type: concat, inputs: [${prev}, ${p}.conv2]}`);
      prev = `${p}.cat`;
    }
    c += 32 * n;
    if (s < STAGES.length - 1) {
      c /= 2;
      const t = `transition${s + 1}`;
      out.push(`  - {name: ${t}.norm, type: batchnorm}`, `  - {name: ${t}.relu, type: relu}`, `  - {name: ${t}.conv, type: conv, filters: ${c}, kernel: 1, bias: false}`, `  - {name: ${t}.pool, type: avgpool, kernel: 2, stride: 2}`);
      prev = `${t}.pool`;
    }
  });
  out.push('  - {name: norm5, type: batchnorm}', '  - relu', '  - globalavgpool', '  - flatten', '  - {name: classifier, type: dense, units: 1000}', '');
  return out.join('\n');
}
