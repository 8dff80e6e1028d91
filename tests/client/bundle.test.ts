// The extension's bundle (dist/client.js) carries no parser and no image decoder: the language server
// analyses documents and the runner's worker decodes images. Checked two ways: the bundle's inputs as
// esbuild reports them, and each package's own error text in the bundle's code. Both checks are shown
// to find the packages where they do belong (the runner worker's bundle), so they can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

const root = join(__dirname, '..', '..');

/** A string each package's code holds, whatever the minifier does (an error message it throws). */
const FORBIDDEN: ReadonlyArray<{ pkg: string; needle: string }> = [
  { pkg: 'yaml', needle: 'Implicit map keys need to be followed by map values' },
  { pkg: 'jsonc-parser', needle: 'InvalidSymbol' },
  { pkg: 'pngjs', needle: 'Invalid file signature' },
  { pkg: 'jpeg-js', needle: 'SOI not found' },
];

/** Builds `bundle` as scripts/build.mjs does (production: minified), in memory. */
async function bundleOf(bundle: string): Promise<{ code: string; metafile: Metafile }> {
  // build-config.mjs is an ES module: a CommonJS test loads it with import().
  const { NODE_ENTRIES, nodeBundleOptions } = await import('../../scripts/build-config.mjs');
  const entry = NODE_ENTRIES.find(([, out]) => out === bundle);
  assert.ok(entry, `no entry point builds ${bundle}`);
  const r = await build({ ...nodeBundleOptions(true), absWorkingDir: root, entryPoints: [entry[0]], outfile: join(root, bundle), write: false, metafile: true, logLevel: 'silent' });
  const js = r.outputFiles.find((f) => f.path.endsWith('.js'));
  assert.ok(js);
  return { code: js.text, metafile: r.metafile };
}

/** Source files that put code into the bundle (esbuild also lists files it read and then shook out). */
function sourcesOf(m: Metafile): string[] {
  const out = Object.values(m.outputs).find((o) => o.entryPoint);
  assert.ok(out);
  return Object.entries(out.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([p]) => p);
}

const packagesIn = (m: Metafile) => new Set(sourcesOf(m).flatMap((p) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1] ?? []));

test('dist/client.js is built without yaml, jsonc-parser, pngjs or jpeg-js (the worker bundle has them all)', async () => {
  const client = await bundleOf('dist/client.js');
  const worker = await bundleOf('dist/runnerWorker.js');
  const inClient = packagesIn(client.metafile);
  const inWorker = packagesIn(worker.metafile);
  for (const { pkg, needle } of FORBIDDEN) {
    assert.ok(inWorker.has(pkg) && worker.code.includes(needle), `the check cannot see ${pkg} where it is bundled`);
    assert.ok(!inClient.has(pkg), `the extension bundle includes ${pkg}`);
    assert.ok(!client.code.includes(needle), `the extension bundle holds ${pkg}'s code ("${needle}")`);
  }
  // Nor the core's parsers, shape inference or the runner's decoders, by source file.
  const sources = sourcesOf(client.metafile).filter((p) => /^(core|runner)\//.test(p));
  // run/phases.ts and run/readyKey.ts: the run's phase marks and the key of a run made ahead; engine/scratch.ts
  // and engine/replyWindow.ts: the run's scratch folder and how often a reader reports (a few lines each).
  assert.deepEqual(sources.filter((p) => !/^core\/src\/(summary|i18n)\/|^runner\/src\/(engine\/(client|scratch|replyWindow)|errors|run\/phases|run\/readyKey)\.ts$/.test(p)), [], 'only the summary formatting, the message catalogue, the worker starter and its run keys');
});

test('the built dist/client.js (when there is one) holds none of their code either', { skip: !existsSync(join(root, 'dist/client.js')) && 'not built' }, () => {
  const code = readFileSync(join(root, 'dist/client.js'), 'utf8');
  for (const { pkg, needle } of FORBIDDEN) assert.ok(!code.includes(needle), `dist/client.js holds ${pkg}'s code ("${needle}")`);
});
