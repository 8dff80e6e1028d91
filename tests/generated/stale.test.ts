// The generated files (scripts/generate.ts) must be what the registry makes today: a new layer type or
// parameter without `npm run generate` fails here, before an editor shows a stale schema or grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedFiles } from '../../scripts/generate';

const root = resolve(__dirname, '..', '..');

test('every generated file is up to date (else: run npm run generate)', () => {
  const files = generatedFiles();
  assert.ok(Object.keys(files).length >= 4);
  const stale: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (!existsSync(full) || readFileSync(full, 'utf8') !== content) stale.push(path);
  }
  assert.deepEqual(stale, [], `stale generated files: ${stale.join(', ')}; run npm run generate`);
});

test('generation is deterministic', () => {
  assert.deepEqual(generatedFiles(), generatedFiles());
});
