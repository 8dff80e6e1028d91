// The esbuild options of each bundle, shared by scripts/build.mjs and the tests that inspect a bundle's
// contents (tests/client/bundle.test.ts).

/** Options of the Node bundles (extension client, server, CLI, runner worker). */
export function nodeBundleOptions(production = false) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // jsonc-parser's UMD main cannot be bundled; its ESM build can.
    mainFields: ['module', 'main'],
    // Native or self-loading packages stay outside the bundles.
    external: ['vscode', 'onnxruntime-node', 'onnxruntime-web', '@resvg/resvg-js'],
  };
}

/**
 * [source, copy] of the files the Node bundles load at run time, copied next to them: the runner's JPEG
 * decoder (libjpeg in WebAssembly, runner/src/images/jpegTurbo.ts) reads its .wasm from the bundle's folder.
 * .vscodeignore must let each copy into the .vsix.
 */
export const NODE_ASSETS = [['node_modules/@cwasm/jpeg-turbo/jpeg-turbo.wasm', 'dist/jpeg-turbo.wasm']];

/**
 * Packages a bundle leaves out and loads from node_modules when it needs them: the CLI's graph layout
 * (elkjs, 3.3 MB of JavaScript that every other command would compile at start; server/src/graph/layout.ts
 * imports it on the first layout). The CLI runs from the package, next to its node_modules.
 */
export const BUNDLE_EXTERNALS = { 'dist/cli.js': ['elkjs'] };

/** [source, bundle] of each Node entry point. */
export const NODE_ENTRIES = [
  ['client/src/extension.ts', 'dist/client.js'],
  ['server/src/server.ts', 'dist/server.js'],
  ['cli/src/main.ts', 'dist/cli.js'],
  ['runner/src/engine/worker.ts', 'dist/runnerWorker.js'],
];

/** [source, bundle] of each script that runs inside a webview (a browser sandbox), with its libraries (chart.js). */
export const WEBVIEW_ENTRIES = [
  ['client/src/run/webview/page.mts', 'dist/runWebview.js'],
  ['client/src/run/webview/evalPage.mts', 'dist/evalWebview.js'],
  ['client/src/graph/webview/page.mts', 'dist/graphWebview.js'],
  ['client/src/explain/webview/page.mts', 'dist/explainWebview.js'],
];
