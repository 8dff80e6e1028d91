// Bundles the editor test suite (tests/vscode/suite) with esbuild into out/vscode-tests/suite, as plain
// CommonJS that the VS Code extension host loads through `extensionTestsPath` (index.js exports run()).
//   - index.ts is bundled WITH mocha, so the suite runs wherever the bundle sits (no node_modules lookup
//     from the extension host needed);
//   - every *.test.ts under the source folder becomes its own *.test.js beside index.js; index.js finds them;
//   - 'vscode' stays external (the extension host provides it).
// Usage: node scripts/build-vscode-tests.mjs [--tests DIR] [--out DIR]
//   --tests DIR   folder whose *.test.ts files are the suite (default tests/vscode/suite)
//   --out DIR     output folder (default out/vscode-tests/suite)
// Importable: buildVscodeTests({ testsDir, outDir }) -> { index, tests }.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules') out.push(...findTests(p));
    } else if (name.endsWith('.test.ts') || name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

export async function buildVscodeTests({
  testsDir = join(root, 'tests/vscode/suite'),
  outDir = join(root, 'out/vscode-tests/suite'),
} = {}) {
  testsDir = resolve(testsDir);
  outDir = resolve(outDir);
  const tests = findTests(testsDir);
  if (tests.length === 0) throw new Error(`no *.test.ts files in ${testsDir}`);
  rmSync(outDir, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
    // As scripts/build.mjs: prefer packages' ESM builds (jsonc-parser's UMD main cannot be bundled).
    mainFields: ['module', 'main'],
  };
  // The runner: mocha bundled in. Mocha's optional loaders (ESM import(), parallel mode, CLI config) are
  // not used by index.ts; silence esbuild's notes about their dynamic requires.
  await build({
    ...common,
    entryPoints: { index: join(root, 'tests/vscode/suite/index.ts') },
    outdir: outDir,
    sourcemap: false,
    logOverride: {
      'unsupported-require-call': 'silent',
      'unsupported-dynamic-import': 'silent',
      'require-resolve-not-external': 'silent',
    },
  });
  // The suites: one bundle each; mocha's globals (suite/test/...) are set by index.js before require().
  await build({
    ...common,
    entryPoints: tests.map((t) => ({ in: t, out: relative(testsDir, t).replace(/\.test\.[tj]s$/, '.test') })),
    outdir: outDir,
    external: ['vscode', 'mocha'],
  });
  return {
    index: join(outDir, 'index.js'),
    tests: tests.map((t) => join(outDir, relative(testsDir, t).replace(/\.test\.[tj]s$/, '.test.js'))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const t0 = Date.now();
  const r = await buildVscodeTests({ testsDir: arg('--tests'), outDir: arg('--out') });
  const rel = (p) => (p.startsWith(root) ? p.slice(root.length).split(sep).join('/') : p);
  console.log(`built ${rel(r.index)} + ${r.tests.length} suite file(s) in ${Date.now() - t0} ms`);
}
