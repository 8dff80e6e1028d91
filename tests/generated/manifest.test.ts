// What package.json repeats from the core: the rounding modes of the `cnnShape.rounding.default` setting.
// (It names no layer type; the schema and grammars it points at are generated, see stale.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LAYER_TYPES, ROUNDINGS } from '../../core/src/index';

const root = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { enum?: string[]; markdownEnumDescriptions?: string[] }> } };
};

test('the rounding setting offers exactly the core\'s rounding modes, each described', () => {
  const setting = manifest.contributes.configuration.properties['cnnShape.rounding.default'];
  assert.ok(setting, 'cnnShape.rounding.default');
  assert.deepEqual(setting.enum, [...ROUNDINGS]);
  assert.equal(setting.markdownEnumDescriptions?.length, ROUNDINGS.length);
});

test('package.json lists no layer types of its own (they would go stale)', () => {
  const text = JSON.stringify(manifest.contributes);
  const listed = LAYER_TYPES.filter((t) => text.includes(`"${t}"`));
  assert.deepEqual(listed, []);
});
