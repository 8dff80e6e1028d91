// Model-supplied paths (issue 13): a model's `labels:` and `weights:` stay inside its folder (or a
// workspace folder passed as a root), `..` and symbolic links included; --weights on the command line is
// the user's own and may be anywhere. Errors never quote a file's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core/src/index';
import { loadLabels, LabelsError } from '../../runner/src/run/labels';
import { resolveParameters } from '../../runner/src/weights/resolve';
import { readSafetensors, WeightsError } from '../../runner/src/weights/safetensors';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('paths');
const outside = tmp.write('secret.txt', 'TOPSECRET\nline2\n');
const folder = join(tmp.dir, 'project', 'models');
mkdirSync(folder, { recursive: true });
const modelFile = join(folder, 'm.cnn.yaml');
tmp.write('project/models/classes.txt', 'cat\ndog\n');
tmp.write('project/shared.txt', 'a\nb\n');
symlinkSync(outside, join(folder, 'link-out.txt'));
symlinkSync(join(folder, 'classes.txt'), join(folder, 'link-in.txt'));

function labelsModel(path: string) {
  return analyze({ text: `input: 4x4x1\nlabels: ${JSON.stringify(path)}\nlayers:\n  - flatten\n`, fileName: modelFile }).model;
}

test('labels outside the model folder are refused and not shown: /proc/self/environ, /etc/passwd, ../, symlinks', () => {
  for (const path of ['/proc/self/environ', '/etc/shadow', '/etc/passwd', '../../../../../../etc/passwd', '../../secret.txt', 'link-out.txt', outside]) {
    assert.throws(
      () => loadLabels(labelsModel(path), modelFile),
      (e: Error) => e instanceof LabelsError && /inside the model's folder|outside the model's folder/.test(e.message) && !e.message.includes('TOPSECRET') && !e.message.includes('root:'),
      path,
    );
  }
});

test('labels inside the folder (also through an inner symlink) are read; a workspace root widens the folder', () => {
  assert.deepEqual(loadLabels(labelsModel('classes.txt'), modelFile), ['cat', 'dog']);
  assert.deepEqual(loadLabels(labelsModel('./sub/../classes.txt'), modelFile), ['cat', 'dog']);
  assert.deepEqual(loadLabels(labelsModel('link-in.txt'), modelFile), ['cat', 'dog']);
  assert.throws(() => loadLabels(labelsModel('../shared.txt'), modelFile), LabelsError);
  assert.deepEqual(loadLabels(labelsModel('../shared.txt'), modelFile, [join(tmp.dir, 'project')]), ['a', 'b']);
});

const WEIGHTS_MODEL = 'input: 4x4x1\nlayers:\n  - {type: conv, filters: 1, kernel: 3}\n';

test('weights: outside the folder are refused; --weights (the user\'s own) is read wherever it is', () => {
  for (const path of ['/etc/passwd', '../../secret.txt', 'link-out.txt']) {
    const a = analyze({ text: `weights: ${JSON.stringify(path)}\n${WEIGHTS_MODEL}`, fileName: modelFile });
    assert.throws(
      () => resolveParameters(a, { modelFile }),
      (e: Error) => e instanceof WeightsError && /the model's `weights:`/.test(e.message) && !e.message.includes('TOPSECRET'),
      path,
    );
  }
  // On the command line the same file is read: it is simply not a safetensors file.
  const a = analyze({ text: WEIGHTS_MODEL, fileName: modelFile });
  assert.throws(() => resolveParameters(a, { modelFile, weightsFile: outside }), (e: Error) => e instanceof WeightsError && e.message.includes(outside));
});

test('a non-safetensors file: the error shows neither its bytes nor numbers read from them', () => {
  const content = 'secret12{"hidden": "TOPSECRET"}';
  const numbers = (text: string) => {
    const head = Buffer.from(text.slice(0, 8));
    return [head.readBigUInt64LE(0).toString(), head.readBigUInt64BE(0).toString()];
  };
  const absurd = tmp.write('absurd.safetensors', content);
  const small = Buffer.alloc(40);
  small.writeBigUInt64LE(1000n, 0);
  const longer = tmp.write('longer.safetensors', small);
  const json = Buffer.concat([Buffer.alloc(8), Buffer.from('{TOPSECRET not json}')]);
  json.writeBigUInt64LE(BigInt(json.length - 8), 0);
  const badJson = tmp.write('badjson.safetensors', json);
  for (const [file, forbidden] of [[absurd, [...numbers(content), 'secret12', 'TOPSECRET']], [longer, ['1000']], [badJson, ['TOPSECRET']]] as const) {
    assert.throws(() => readSafetensors(file), (e: Error) => {
      assert.ok(e instanceof WeightsError, String(e));
      const said = e.message.replace(file, '<file>');
      for (const f of forbidden) assert.ok(!said.includes(f), `${e.message} shows ${f}`);
      return true;
    });
  }
  assert.ok(readFileSync(absurd, 'utf8').includes('TOPSECRET'));
});

test('package.json keeps declaring that untrusted workspaces are not supported', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
  assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, false);
});
