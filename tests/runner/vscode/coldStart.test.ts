// "Run Model on Image…" on ResNet-18 as a new user meets it, and as an editing user does:
//   just opened   the model file just opened, then the command (the editor starts preparing the first
//                 model at once: the run takes that build where it has got to, or builds it itself)
//   prewarmed     once the runner has made the model's session ready ahead (prewarm.ts)
//   again         the next run (the worker made ready again after the first)
//   edited, at once       an unsaved edit, then the command before the typing pause: built at run time
//   edited, after a pause the unsaved edit prepared ahead like a saved version
// Prints the figures (command → first result, → page drawn, the run's phases, the load average). Asserts
// what must hold whatever the machine's load: a version made ahead only decodes and runs (no weights,
// graph or session phase); timings are the benchmark's and this print's business, not assertions.
import * as assert from 'node:assert/strict';
import { availableParallelism, loadavg } from 'node:os';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../client/src/run/command';
import { activateExtension, openSample, revertAndCloseAll, sampleUri as sample } from '../../vscode/suite/helpers';

interface Timed {
  result: number;
  drawn: number;
  timing?: string;
}

async function timedRun(model: vscode.Uri, image: vscode.Uri): Promise<Timed> {
  const t0 = performance.now();
  const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', model, [image]);
  const result = performance.now() - t0;
  assert.ok(out, 'the command returned no result');
  assert.equal(out.view.images.length, 1);
  await out.shown;
  const drawn = performance.now() - t0;
  return out.timing ? { result, drawn, timing: out.timing } : { result, drawn };
}

/** Inserts a comment line at the top of the active editor's model (unsaved) and waits for the change event. */
async function editUnsaved(editor: vscode.TextEditor, comment: string): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const d = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === editor.document) {
        d.dispose();
        resolve();
      }
    });
  });
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), `# ${comment}\n`)));
  await changed;
  assert.ok(editor.document.isDirty);
}

const f = (t: Timed) => `${t.result.toFixed(0)} ms (page drawn ${t.drawn.toFixed(0)} ms; ${t.timing ?? 'no phases'})`;
const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`;
/** The phases of a run whose session was made ahead, as the output channel writes them. */
const ONLY_DECODE_AND_RUN = /\(worker \+\d+, decode \+\d+, run \+\d+, done \+\d+\)$/;

suite('Run model: the first result, cold and prewarmed', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('ResNet-18: just opened, prewarmed, again, and an unsaved edit at once and after a pause (figures printed; a prepared run only decodes and runs)', async function () {
    this.timeout(180_000);
    const api = await activateExtension();
    const model = sample('resnet18.cnn.yaml');
    const image = sample('images', 'scene-224.png');
    const before = load();
    const editor = await openSample('resnet18.cnn.yaml');
    const justOpened = await timedRun(model, image);
    // The run left a worker that builds this version's session again; or the editor's own preparation.
    assert.equal(await api.runnerPrepared(), true, 'the session of the model shown was made ahead');
    const prewarmed = await timedRun(model, image);
    assert.equal(await api.runnerPrepared(), true, 'made ready again after the run');
    const again = await timedRun(model, image);

    await editUnsaved(editor, 'edited: run at once');
    const editedAtOnce = await timedRun(model, image);
    await editUnsaved(editor, 'edited: run after a pause');
    assert.equal(await api.runnerPrepared(), true, 'the unsaved text was made ready after the pause');
    const editedAfterPause = await timedRun(model, image);

    console.log(
      [
        `ResNet-18, command → first result (${before} at the start, ${load()} at the end):`,
        `  just opened ${f(justOpened)}`,
        `  prewarmed ${f(prewarmed)}`,
        `  again ${f(again)}`,
        `  edited, run at once ${f(editedAtOnce)}`,
        `  edited, run after a pause ${f(editedAfterPause)}`,
      ].join('\n'),
    );
    for (const t of [prewarmed, again, editedAfterPause]) assert.match(t.timing ?? '', ONLY_DECODE_AND_RUN);
    // Nothing had prepared the edit made just before the command: the run built it.
    assert.match(editedAtOnce.timing ?? '', /weights \+\d+, graph \+\d+/);
  });
});
