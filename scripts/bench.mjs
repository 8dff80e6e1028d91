// Runs a benchmark from bench/ as production code runs: bundled by esbuild (no tsx transform).
// Usage: node scripts/bench.mjs core|parse|lsp|runner [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const src = `bench/${name}.bench.ts`;
if (!name || !existsSync(src)) {
  console.error(`usage: node scripts/bench.mjs <name> — no ${src}`);
  process.exit(2);
}
mkdirSync('out/bench', { recursive: true });
const outfile = `out/bench/${name}.bench.js`;
await build({ entryPoints: [src], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], external: ['onnxruntime-node', 'onnxruntime-web', '@resvg/resvg-js'], logLevel: 'warning' });
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
