// Every sample model, good and broken, through the server: the diagnostics it publishes are the
// core's, code for code, at the core's ranges (turned into positions here, independently).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core/src/index';
import { LspClient, ROOT } from './support/lspClient';

const dirs = [join(ROOT, 'samples'), join(ROOT, 'samples', 'broken')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.cnn\.(ya?ml|json)$/.test(f)).map((f) => join(d, f)));

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

test('samples: published diagnostics are the core\'s', async () => {
  assert.ok(files.length > 5);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    await client.open(uri, text, undefined, 1);
    const p = await client.atVersion(uri, 1);
    const doc = TextDocument.create(uri, 'x', 1, text);
    const core = analyze({ text, fileName: file }).diagnostics.map((d) => `${d.code} ${JSON.stringify([doc.positionAt(d.span.start), doc.positionAt(d.span.end)])}`);
    const got = p.diagnostics.map((d) => `${d.code} ${JSON.stringify([d.range.start, d.range.end])}`);
    assert.deepEqual(got, core, file);
    // A broken sample is named after the code it shows.
    const name = file.split('/').pop()!.replace(/\.cnn\.\w+$/, '');
    if (file.includes('/broken/')) assert.ok(p.diagnostics.some((d) => d.code === name), `${file}: ${got.join('\n')}`);
    await client.close(uri);
  }
});
