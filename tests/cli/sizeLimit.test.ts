// The model size limit is one limit: `cnnshape check` refuses a file over 8 MB with a clear message
// (exit 2), and the core refuses such a text with one diagnostic, quickly, whatever reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyze, MAX_MODEL_BYTES } from '../../core/src/index';
import { tempDir } from '../runner/helpers/tmp';

const root = join(__dirname, '../..');
const tmp = tempDir('size-limit');

test('cnnshape check refuses a model over 8 MB with one clear line and exit status 2', () => {
  const model = tmp.write('huge.cnn.yaml', `input: 8x8x3\nlayers:\n${'  - relu\n'.repeat(Math.ceil((MAX_MODEL_BYTES + 1) / 9))}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/src/main.ts'), 'check', model], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /huge\.cnn\.yaml: larger than the 8\.0 MB allowed for model files: not read/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('the core refuses a 60 MB text of `- relu` lines with one diagnostic, in well under a second', () => {
  const text = `input: 8x8x3\nlayers:\n${'  - relu\n'.repeat(Math.ceil(60e6 / 9))}`;
  const t0 = performance.now();
  const a = analyze({ text, fileName: 'huge.cnn.yaml' });
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(a.diagnostics.length, 1);
  assert.equal(a.diagnostics[0]!.code, 'out-of-range');
  assert.match(a.diagnostics[0]!.message, /larger than 8 MB/);
  assert.equal(a.layers.length, 0);
  assert.ok(Number.isFinite(a.totals.params));
});
