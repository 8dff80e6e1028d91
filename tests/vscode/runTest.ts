// Runs the editor test suite in a downloaded Electron VS Code with @vscode/test-electron, for machines
// that can reach update.code.visualstudio.com. (Offline, use scripts/run-editor-tests.mjs: same suite,
// inside code-server.)
//   node scripts/build.mjs && node scripts/build-vscode-tests.mjs && node --import tsx tests/vscode/runTest.ts
// Environment (optional): CNNSHAPE_VSCODE_VERSION (default 1.100.3, the engines.vscode floor).
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const extensionTestsPath = join(root, 'out', 'vscode-tests', 'suite', 'index.js');
  if (!existsSync(extensionTestsPath)) {
    throw new Error(`${extensionTestsPath} missing: run node scripts/build-vscode-tests.mjs first`);
  }
  // Open a temporary copy of samples/ so the editor never writes into the repo.
  const tmp = mkdtempSync(join(tmpdir(), 'cnn-shape-vscode-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(root, 'samples'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env['CNNSHAPE_VSCODE_VERSION'] ?? '1.100.3',
      cachePath: join(root, 'out', 'vscode-test-electron'), // under out/ (git-ignored), not ./.vscode-test
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
