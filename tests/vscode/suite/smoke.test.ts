// Smoke test of the CNN Shape extension inside a real VS Code (see tests/vscode/suite/index.ts).
// extensionDevelopmentPath is the repo root, so the extension under test is this repo's package.json:
// id = publisher.name. It fails until the client (client/src/extension.ts -> dist/client.js) and the
// `cnn-yaml` language contribution exist.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cnn-shape.cnn-shape';
const LANGUAGE_ID = 'cnn-yaml';

suite('CNN Shape smoke', () => {
  test(`extension ${EXTENSION_ID} is present and activates`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repo root?)`);
    await ext.activate();
    assert.equal(ext.isActive, true, `${EXTENSION_ID} did not activate`);
  });

  test(`language ${LANGUAGE_ID} is registered`, async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes(LANGUAGE_ID), `${LANGUAGE_ID} not among the ${languages.length} registered languages`);
  });
});
