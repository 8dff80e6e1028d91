// The publisher in-process: a version that moves on while it is being checked is never published;
// each version is published once; a settings change publishes again; closing clears.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core/src/index';
import { DiagnosticsPublisher, type DocumentSource } from '../../server/src/lsp/diagnosticsPublisher';

const uri = 'file:///work/p.cnn.yaml';
const text = (c: number) => `input: 8x8x3\nlayers:\n  - {type: conv, filters: 4, kernel: 3, in_channels: ${c}}\n`;
/** Event-loop turns, not time: the publisher waits two turns per check, and a check may reschedule. */
async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await new Promise((r) => setImmediate(r));
}

function setup(onAnalyze: (doc: TextDocument) => void = () => {}) {
  const state = { doc: TextDocument.create(uri, 'cnn-yaml', 1, text(1)), analyses: 0 };
  const docs: DocumentSource = {
    get: (u) => (u === uri ? state.doc : undefined),
    all: () => [state.doc],
    analyze(doc) {
      state.analyses++;
      const analysis = analyze({ text: doc.getText(), fileName: 'p.cnn.yaml' });
      onAnalyze(doc);
      return { analysis, doc };
    },
  };
  const sent: PublishDiagnosticsParams[] = [];
  const publisher = new DiagnosticsPublisher(docs, { send: (p) => sent.push(p), log: () => {} });
  return { state, sent, publisher };
}

test('a version overtaken during its check is not published; the newer one is', async () => {
  let moved = false;
  const { state, sent, publisher } = setup((doc) => {
    if (doc.version === 1 && !moved) {
      moved = true; // an edit lands while version 1 is being checked
      state.doc = TextDocument.create(uri, 'cnn-yaml', 2, text(2));
    }
  });
  publisher.schedule(uri);
  await settle();
  assert.deepEqual(sent.map((p) => p.version), [2]);
  assert.match(sent[0]!.diagnostics[0]!.message as string, /in_channels is 2 /);
});

test('edits in a row are checked once; a version is published once; settings publish again; close clears', async () => {
  const { state, sent, publisher } = setup();
  for (let v = 1; v <= 5; v++) {
    state.doc = TextDocument.create(uri, 'cnn-yaml', v, text(v));
    publisher.schedule(uri);
  }
  await settle();
  assert.deepEqual(sent.map((p) => p.version), [5]);
  assert.equal(state.analyses, 1);
  publisher.schedule(uri);
  await settle();
  assert.equal(sent.length, 1);
  publisher.revalidateAll();
  await settle();
  assert.deepEqual(sent.map((p) => p.version), [5, 5]);
  publisher.schedule(uri);
  publisher.close(uri);
  await settle();
  assert.deepEqual(sent[2], { uri, diagnostics: [] });
  assert.equal(sent.length, 3);
});

test('a failing analysis is reported as a diagnostic, not a crash', async () => {
  const { sent, publisher } = setup(() => {
    throw new Error('boom');
  });
  publisher.schedule(uri);
  await settle();
  assert.equal(sent[0]?.diagnostics[0]?.code, 'internal-error');
  assert.match(sent[0].diagnostics[0].message as string, /boom/);
});
