#!/usr/bin/env node
// Entry of `npx cnnshape`: runs the bundled CLI (npm run build makes dist/cli.js).
'use strict';
// `run` and `eval` stream thousands of results through this thread. V8 doubles a thread's young
// generation while it keeps most of what it allocates, as this one does while the CLI loads, and a
// long run then touches all of it: 9 MB more at 10,000 images than at 100. Growth factor 1 keeps it at
// its first size (the runner's worker has its own cap: runner/src/engine/client.ts). Flags are
// process-wide and must be set before the bundle loads.
if (process.argv.slice(2).some((a) => a === 'run' || a === 'eval')) require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('cnnshape: dist/cli.js is missing: run `npm run build` first\n');
  process.exit(2);
}
require(bundle).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
