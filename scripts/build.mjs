// Bundles client, server, CLI and runner worker with esbuild. Type checking is `tsc -b`, separately.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUNDLE_EXTERNALS, NODE_ASSETS, NODE_ENTRIES, WEBVIEW_ENTRIES, nodeBundleOptions } from './build-config.mjs';

const production = process.argv.includes('--production');
const common = nodeBundleOptions(production);
const entries = NODE_ENTRIES;

const webviewEntries = WEBVIEW_ENTRIES;
const webview = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !production, minify: production, logLevel: 'warning' };

// A missing entry point or asset is a failed build, not a smaller one: a renamed file must not ship without the server.
const missing = [...entries, ...webviewEntries, ...NODE_ASSETS].filter(([src]) => !existsSync(src)).map(([src]) => src);
if (missing.length) {
  console.error(`build: entry point${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`);
  process.exit(1);
}

for (const [src, out] of NODE_ASSETS) {
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(src, out);
}
await Promise.all([
  ...entries.map(([src, out]) => build({ ...common, external: [...common.external, ...(BUNDLE_EXTERNALS[out] ?? [])], entryPoints: [src], outfile: out })),
  ...webviewEntries.map(([src, out]) => build({ ...webview, entryPoints: [src], outfile: out })),
]);
