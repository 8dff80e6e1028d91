// samples/tutorial/: the tutorials' worked examples, each with what a learner should see. The
// expected sizes are worked out by hand from (W − F + 2P)/S + 1 (written next to each), not taken
// from the core; every file's comments must be in Chinese and English.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';

const DIR = 'samples/tutorial';

/** File → [outputs as W×H×D], the layers with a non-whole size, and receptive fields where the example is about them. */
const EXPECTED: Record<string, { outputs: string[]; notWhole: number[]; fields?: number[] }> = {
  '01-valid-3x3.cnn.yaml': { outputs: ['3×3×1'], notWhole: [] }, // (5 − 3)/1 + 1
  '02-same-5x5.cnn.yaml': { outputs: ['5×5×1', '5×5×1'], notWhole: [] }, // (5 − 3 + 2)/1 + 1
  '03-stride-3-down-2-across.cnn.yaml': { outputs: ['3×3×1'], notWhole: [] }, // (7 − 3)/2 + 1, (9 − 3)/3 + 1
  '04-four-filters-depth-4.cnn.yaml': { outputs: ['30×30×4'], notWhole: [] }, // K = 4
  '05-32x32-f4-s3-not-whole.cnn.yaml': { outputs: ['10×10×8'], notWhole: [0] }, // 10.33
  '06-32x32-f4-s3-p1.cnn.yaml': { outputs: ['11×11×8'], notWhole: [] }, // (32 − 4 + 2)/3 + 1
  '07-maxpool-2x2.cnn.yaml': { outputs: ['4×4×3'], notWhole: [] },
  '08-receptive-field-3x3-after-3x3.cnn.yaml': { outputs: ['5×5×1', '3×3×1'], notWhole: [], fields: [3, 5] },
  '09-go-board-19x19x48.cnn.yaml': { outputs: ['19×19×192', '19×19×192', '19×19×192', '19×19×192', '19×19×1', '1×1×361', '1×1×361'], notWhole: [] },
};

test('every tutorial sample is listed here, and every entry has a file', () => {
  assert.deepEqual(readdirSync(DIR).filter((f) => f.endsWith('.cnn.yaml')).sort(), Object.keys(EXPECTED).sort());
});

for (const [file, want] of Object.entries(EXPECTED)) {
  test(`${DIR}/${file}: the sizes the tutorial gives, and only its intended error`, () => {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const a = analyze({ text, fileName: file });
    assert.deepEqual(a.layers.map((l) => (l.output ? `${l.output.width}×${l.output.height}×${l.output.depth}` : '?')), want.outputs);
    assert.deepEqual(a.diagnostics.map((d) => `${d.code}@${d.layerIndex ?? '-'}`), want.notWhole.map((i) => `non-integer-output@${i}`));
    if (want.fields) assert.deepEqual(a.layers.map((l) => l.field?.size[0]), want.fields);
    const comments = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
    assert.match(comments, /[\u4e00-\u9fff]/, 'a Chinese comment');
    assert.match(comments, /What you should see/, 'an English comment saying what to look for');
  });
}
