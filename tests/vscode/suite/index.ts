// Entry of the editor test suite, in @vscode/test-electron's `extensionTestsPath` contract: the extension
// host of a real VS Code (Electron through tests/vscode/runTest.ts, or code-server through
// scripts/run-editor-tests.mjs) requires this file and awaits run(); a rejection makes the editor exit
// with a non-zero code. Bundled by scripts/build-vscode-tests.mjs with mocha inside, to
// out/vscode-tests/suite/index.js, next to one *.test.js per tests/vscode/suite/*.test.ts.
//
// Environment (optional): CNNSHAPE_TEST_GREP filters tests by title, CNNSHAPE_TEST_TIMEOUT (ms) sets
// mocha's per-test timeout (default 30000).
import Mocha from 'mocha';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findSuites(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findSuites(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

export function run(): Promise<void> {
  const timeout = Number(process.env['CNNSHAPE_TEST_TIMEOUT'] ?? '') || 30_000;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: 'spec' });
  const grep = process.env['CNNSHAPE_TEST_GREP'];
  if (grep) mocha.grep(grep);
  const files = findSuites(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js suites next to ${__filename}`));
  for (const f of files) mocha.addFile(f);
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A plain closing line that test-output readers recognise, besides mocha's own summary. Failures
        // count failed hooks too (whose tests then do not run).
        const passes = runner.stats?.passes ?? 0;
        const pending = runner.stats?.pending ?? 0;
        console.log(`editor tests: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
