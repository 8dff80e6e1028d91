// The core has one public entry: outside core/, every import of it names core/src/index, and nothing
// anywhere still imports the old server/src/core path.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'out', '.git', 'core']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!SKIP.has(name) || (name === 'core' && dir !== root)) out.push(...sources(p));
    } else if (/\.(m?ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

test('code outside core/ imports the core only through core/src/index', () => {
  const files = sources(root);
  assert.ok(files.length > 100, `found ${files.length} source files`);
  const bad: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:from|import\()\s*'([^']*)'/g)) {
      const spec = m[1]!;
      if (/(^|\/)server\/src\/core(\/|$)/.test(spec) || (/(^|\/)core\/src\//.test(spec) && !/core\/src\/index$/.test(spec))) {
        bad.push(`${relative(root, f)}: ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});
