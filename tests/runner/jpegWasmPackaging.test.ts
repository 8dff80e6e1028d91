// The JPEG decoder's .wasm is found however the runner runs: from source (its package), from the bundles
// (copied next to them by scripts/build.mjs) and in the .vsix (let in by .vscodeignore).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');

test('the .wasm is copied next to the runner worker and CLI bundles, and shipped in the .vsix', async () => {
  const { NODE_ASSETS, NODE_ENTRIES } = await import('../../scripts/build-config.mjs');
  const wasm = NODE_ASSETS.find(([src]) => src.endsWith('jpeg-turbo.wasm'));
  assert.ok(wasm, 'build-config.mjs copies jpeg-turbo.wasm');
  assert.ok(existsSync(join(root, wasm[0])), `${wasm[0]} is installed`);
  for (const bundle of ['dist/runnerWorker.js', 'dist/cli.js']) {
    assert.ok(NODE_ENTRIES.some(([, out]) => out === bundle), `${bundle} is built`);
    assert.equal(dirname(wasm[1]), dirname(bundle), `the copy sits next to ${bundle}`);
  }
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  assert.ok(ignore.includes(`!${wasm[1]}`), `.vscodeignore lets ${wasm[1]} in`);
});

test('the built copy (when there is one) is the package\'s file', { skip: !existsSync(join(root, 'dist/jpeg-turbo.wasm')) && 'not built' }, () => {
  assert.ok(readFileSync(join(root, 'dist/jpeg-turbo.wasm')).equals(readFileSync(join(root, 'node_modules/@cwasm/jpeg-turbo/jpeg-turbo.wasm'))));
});

test('every bundle the extension loads is shipped in the .vsix: its Node bundles, each webview script and the copied assets', async () => {
  const { NODE_ASSETS, NODE_ENTRIES, WEBVIEW_ENTRIES } = await import('../../scripts/build-config.mjs');
  const ignore = new Set(readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()));
  // The CLI is not part of the extension (npm's bin, not the .vsix).
  const shipped = [...NODE_ENTRIES.filter(([, out]) => out !== 'dist/cli.js'), ...WEBVIEW_ENTRIES, ...NODE_ASSETS].map(([, out]) => out);
  const missing = shipped.filter((out) => !ignore.has(`!${out}`));
  assert.deepEqual(missing, [], `.vscodeignore leaves out ${missing.join(', ')}`);
});
