// Format v2 blocks in the PyTorch export: one class per definition whose constructor takes what
// differs between copies, `repeat` as an nn.Sequential of instances, nested blocks as nested
// modules, and inline code (with a comment saying so) where the copies cannot share a class.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';
import { exportPytorch } from '../../export/src/pytorch/generate';

const exported = (text: string) => exportPytorch(analyze({ text, fileName: 'm.cnn.yaml' }), { fileName: 'm.cnn.yaml' });

test('ResNet-18 written with blocks exports like torchvision: BasicBlock-style classes, layerN as nn.Sequential', () => {
  const py = exported(readFileSync('samples/v2/resnet18.cnn.yaml', 'utf8'));
  assert.match(py, /^class Basic\(nn\.Module\):$/m);
  assert.match(py, /^class BasicDown\(nn\.Module\):$/m);
  assert.match(py, /def __init__\(self, in_channels, filters\):\n {8}super\(\).__init__\(\)\n {8}self\.conv1 = nn\.Conv2d\(in_channels, filters, 3, padding=1, bias=False\)/);
  assert.match(py, /self\.layer1 = nn\.Sequential\(\n {12}Basic\(64, 64\),.*\n {12}Basic\(64, 64\),/);
  assert.match(py, /self\.layer2 = nn\.Sequential\(\n {12}BasicDown\(64, 128\),.*\n {12}Basic\(128, 128\),/);
  assert.match(py, /self\.downsample = nn\.Sequential\(\n {12}nn\.Conv2d\(in_channels, filters, 1, stride=2, bias=False\),/);
  assert.match(py, / {8}x = self\.layer4\(x\)/);
  assert.doesNotMatch(py, /relu_2|nn\.ModuleDict|written out inline/);
});

const STRIDED = `
input: 64x64x3
rounding: floor
blocks:
  blk:
    params: {filters: , stride: 1}
    layers:
      - {name: conv, type: conv, filters: $filters, kernel: 3, stride: $stride, padding: 1}
      - relu
  outer:
    params: {f: }
    layers:
      - {name: a, type: blk, filters: $f}
      - {name: b, type: blk, filters: $f, stride: 2}
layers:
  - {name: s1, type: blk, filters: 8, repeat: 2}
  - {name: s2, type: blk, filters: 16, stride: 2}
  - {name: o, type: outer, f: 4, repeat: 2}
  - {name: t, type: outer, f: 6}
`;

test('a parameter with a default is a keyword argument, passed only where a use changes it', () => {
  const py = exported(STRIDED);
  assert.match(py, /def __init__\(self, in_channels, filters, stride=1\):/);
  assert.match(py, /nn\.Conv2d\(in_channels, filters, 3, stride=stride, padding=1\)/);
  assert.match(py, /self\.s2 = Blk\(8, 16, stride=2\)/);
  assert.match(py, /Blk\(3, 8\),/);
});

test('nested blocks are nested modules; the outer class passes its own parameter on (and every argument, so its copies read alike)', () => {
  const py = exported(STRIDED);
  assert.match(py, /class Outer\(nn\.Module\):[^]*def __init__\(self, in_channels, f\):\n {8}super\(\)\.__init__\(\)\n {8}self\.a = Blk\(in_channels, f, stride=1\)\n {8}self\.b = Blk\(f, f, stride=2\)/);
  assert.match(py, /self\.o = nn\.Sequential\(\n {12}Outer\(16, 4\),.*\n {12}Outer\(4, 4\),/);
  // Classes come before their users.
  assert.ok(py.indexOf('class Blk(') < py.indexOf('class Outer(') && py.indexOf('class Outer(') < py.indexOf('class M('));
});

test('a block whose inner layer is used from outside is written out inline, and the file says so', () => {
  const py = exported(`
input: 8x8x3
blocks:
  two:
    layers:
      - {name: c1, type: conv, filters: 4, kernel: 1}
      - {name: c2, type: conv, filters: 4, kernel: 1}
layers:
  - {name: t, type: two}
  - {name: sum, type: add, inputs: [t, t.c1]}
`);
  assert.match(py, /# Block "two" is written out inline: a layer outside it uses one of its layers other than its/);
  assert.doesNotMatch(py, /class Two\(/);
  assert.match(py, /self\.t = nn\.Sequential\(|self\.t\.c1|"c1"/);
});

test('copies that differ in more than numbers (a kernel pair against a number) are written out inline', () => {
  const py = exported(`
input: 8x8x3
blocks:
  k:
    params: {k: }
    layers:
      - {name: c, type: conv, filters: 4, kernel: $k, padding: same}
layers:
  - {name: a, type: k, k: 3}
  - {name: b, type: k, k: [3, 1]}
`);
  assert.match(py, /# Block "k" is written out inline: its copies differ in more than the numbers of their modules\./);
  assert.doesNotMatch(py, /class K\(/);
});

test('a block with two inputs takes them by their names; a block whose layers are a chain is an nn.Sequential', () => {
  const py = exported(`
input: 8x8x3
blocks:
  join:
    inputs: [x, skip]
    params: {f: }
    layers:
      - {name: a, type: conv, inputs: x, filters: $f, kernel: 1}
      - {name: b, type: conv, inputs: skip, filters: $f, kernel: 1}
      - {name: cat, type: concat, inputs: [a, b]}
  stem:
    layers:
      - {type: conv, filters: 4, kernel: 3, padding: 1}
      - relu
layers:
  - {name: s, type: stem}
  - {name: c, type: conv, filters: 4, kernel: 1}
  - {name: j1, type: join, f: 2, inputs: [c, s]}
  - {name: j2, type: join, f: 2, inputs: [j1, s]}
`);
  assert.match(py, /class Stem\(nn\.Sequential\):/);
  assert.match(py, /def forward\(self, x, skip\):/);
  assert.match(py, /self\.j1 = Join\(\)\n {8}self\.j2 = Join\(\)/);
  assert.match(py, /= self\.j2\(x, s\)/);
});
