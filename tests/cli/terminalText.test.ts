// Injection (issue 13): escape sequences in names, types, labels, file names and safetensors keys never
// reach the terminal raw from any text-mode command; JSON output stays exact JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { jsonText, terminalFields, terminalLine, terminalText } from '../../cli/src/terminalText';
import { pngBytes } from '../runner/helpers/png';
import { writeSafetensors } from '../runner/helpers/safetensorsWriter';
import { tempDir } from '../runner/helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('inject');
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const RAW_CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const controlHeavy = fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u001b]0;', '\u001b[2J', '\u009b', '\u0007')), maxLength: 40 });

test('terminalText keeps only \\n of the control characters; terminalLine keeps none; both keep the rest', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, controlHeavy), (s) => {
      const t = terminalText(s);
      const l = terminalLine(s);
      assert.ok(!RAW_CONTROL_BUT_NEWLINE.test(t), JSON.stringify(t));
      assert.ok(!RAW_CONTROL_BUT_NEWLINE.test(l) && !l.includes('\n'), JSON.stringify(l));
      assert.equal(t.split('\n').length, s.split('\n').length, 'line breaks kept');
      // Text without control characters is unchanged.
      const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''); // eslint-disable-line no-control-regex
      assert.equal(terminalLine(clean), clean);
    }),
  );
});

test('jsonText is exact JSON (the same value back) with no raw control character', () => {
  fc.assert(
    fc.property(fc.dictionary(anyText, fc.oneof(anyText, controlHeavy, fc.integer())), (v) => {
      const text = jsonText(v);
      assert.ok(!RAW_CONTROL_BUT_NEWLINE.test(text), text);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(v)));
    }),
  );
});

test('terminalFields escapes every string of plain data and leaves numbers and typed arrays alone', () => {
  const data = new Float32Array([1, 2]);
  const out = terminalFields({ a: ['x\u001b[2J', 3], b: { c: '\u0007' }, data });
  assert.deepEqual(out, { a: ['x\\x1b[2J', 3], b: { c: '\\x07' }, data });
  assert.equal(out.data, data);
});

function cnnshape(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/src/main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr, stdout: r.stdout };
}

// YAML double-quoted escapes: \e is ESC, \a BEL, \x9b the 8-bit CSI.
const TITLE = '\\e]0;pwned\\a';
const CLEAR = '\\e[2J';
const LINK = '\\e]8;;https://example.com\\e\\\\';

test('check, summary and layers print hostile names, types and words escaped', { timeout: 60_000 }, () => {
  const model = tmp.write(
    'bad.cnn.yaml',
    `name: "${TITLE}"\ninput: 8x8x1\nlayers:\n  - {type: conv, filters: 2, kernel: 3, name: "c${LINK}"}\n  - {type: "x${CLEAR}\\x9b31m"}\n  - {type: relu, input: "nowhere${TITLE}"}\n`,
  );
  for (const args of [['check', model], ['summary', model], ['layers', 'conv\u001b]0;t\u0007'], ['check', '--bogus\u001b[2J']]) {
    const r = cnnshape(...args);
    assert.ok(!RAW_CONTROL_BUT_NEWLINE.test(r.out), `${args[0]}: ${JSON.stringify(r.out)}`);
    assert.notEqual(r.status, 0);
  }
  assert.match(cnnshape('summary', model).stdout, /\\x1b\]0;pwned\\x07/);
  const json = cnnshape('check', '--json', model);
  assert.ok(!RAW_CONTROL_BUT_NEWLINE.test(json.stdout));
  assert.ok(JSON.stringify(JSON.parse(json.stdout)).includes('c\\u001b]8;;https'), 'JSON keeps the exact text');
});

test('run prints hostile labels, layer names, image names and safetensors keys escaped', { timeout: 60_000 }, () => {
  const img = tmp.write('pic\u001b[2J.png', pngBytes(8, 8, (x, y) => [x * 30, y * 30, 0, 255]));
  const weights = tmp.write('w.safetensors', writeSafetensors({
      '0.weight': { dtype: 'F32', shape: [3, 1, 8, 8], data: new Array<number>(192).fill(0.01) },
      '0.bias': { dtype: 'F32', shape: [3], data: [0, 1, 2] },
      ['junk\u001b]0;key\u0007']: { dtype: 'F32', shape: [1], data: [0] },
    }));
  const model = tmp.write(
    'run.cnn.yaml',
    `name: "${TITLE}"\ninput: 8x8x1\nlabels: ["${CLEAR}", "\\x9b31m", "${LINK}"]\nlayers:\n  - {type: conv, filters: 3, kernel: 8}\n  - {type: flatten, name: "f${TITLE}"}\n`,
  );
  const r = cnnshape('run', model, img, '--weights', weights);
  assert.ok(!RAW_CONTROL_BUT_NEWLINE.test(r.out), JSON.stringify(r.out));
  assert.match(r.out, /junk\\x1b\]0;key\\x07/, 'the unused key is named, escaped');
  assert.match(r.stdout, /\\x1b\[2J/, 'a label is shown escaped');
});
