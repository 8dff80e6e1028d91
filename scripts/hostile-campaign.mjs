#!/usr/bin/env node
// The hostile-input campaign (issue 13 part 2 and the surfaces added since): runs the BUILT product as
// users do (`node bin/cnnshape.js ...`, `cnnshape lsp --stdio`) on hostile files, numbers and requests,
// each case with its bounds (exit status, time, peak memory, no crash text, no raw control characters,
// nothing of a file echoed, the language server still answering), and prints one line per case.
// A developer's tool (a few minutes): CI runs the regression tests under tests/ instead.
//
//   node scripts/build.mjs && node scripts/hostile-campaign.mjs [--only name-part] [--list] [--json]
import { rmSync } from 'node:fs';
import { CLI_CASES } from './hostile/cliCases.mjs';
import { LSP_CASES } from './hostile/lspCases.mjs';
import { tempDir } from './hostile/harness.mjs';

const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (a === '--only' && args[i + 1] ? [args[i + 1]] : []));
const cases = [...CLI_CASES, ...LSP_CASES].filter((c) => !only.length || only.some((o) => c.name.includes(o)));

if (args.includes('--list')) {
  for (const c of cases) console.log(c.name);
  process.exit(0);
}

const results = [];
const width = Math.max(...cases.map((c) => c.name.length));
for (const c of cases) {
  const dir = tempDir();
  let line;
  try {
    const { r, problems } = await c.run(dir);
    const figures = `${String(r.ms).padStart(6)} ms ${r.rssMb.toFixed(0).padStart(5)} MB exit ${r.killed ? 'killed' : r.code}`;
    results.push({ name: c.name, pass: problems.length === 0, ms: r.ms, rssMb: Math.round(r.rssMb), exit: r.code, problems });
    line = `${problems.length ? 'FAIL' : 'PASS'} ${c.name.padEnd(width)} ${figures}${problems.length ? `  ${problems.slice(0, 3).join('; ')}` : ''}`;
  } catch (e) {
    results.push({ name: c.name, pass: false, problems: [String(e)] });
    line = `FAIL ${c.name.padEnd(width)} harness error: ${String(e?.stack ?? e).split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(line);
}
const failed = results.filter((r) => !r.pass).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
if (args.includes('--json')) console.log(JSON.stringify(results));
process.exitCode = failed ? 1 : 0;
