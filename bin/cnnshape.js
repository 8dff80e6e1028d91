#!/usr/bin/env node
// Entry of `npx cnnshape`: runs the bundled CLI (npm run build makes dist/cli.js).
'use strict';
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
