// No user-visible English left outside the message catalogue (issue 12): the scan of the client, server,
// CLI, runner and core finds nothing, and the same scan does find English put where a user would read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strayEnglish } from '../../scripts/i18n/strayEnglish';

const ROOT = join(__dirname, '..', '..');

test('no English text outside the catalogue in client, server, CLI, runner and core', () => {
  const found = strayEnglish(ROOT);
  assert.deepEqual(found.map((s) => `${s.file}:${s.line}: ${s.text}`), []);
});

test('the scan finds a notification written in English, and takes a marked line as meant', () => {
  const root = mkdtempSync(join(tmpdir(), 'cnnshape-stray-'));
  try {
    mkdirSync(join(root, 'client', 'src'), { recursive: true });
    writeFileSync(
      join(root, 'client', 'src', 'notify.ts'),
      [
        "import * as vscode from 'vscode';",
        'export function oops(): void {',
        "  void vscode.window.showErrorMessage('Something went wrong here');",
        "  throw new Error('an invariant broke here'); // dev-only",
        '}',
        '',
      ].join('\n'),
    );
    const found = strayEnglish(root, ['client/src']);
    assert.deepEqual(found, [{ file: join('client', 'src', 'notify.ts'), line: 3, text: 'Something went wrong here' }]);
    assert.throws(() => strayEnglish(root), /ENOENT/, 'a folder that is not there is an error, not a clean scan');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
