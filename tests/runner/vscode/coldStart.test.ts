// "Run Model on Image…" on ResNet-18 as a new user meets it: the model file just opened, then the
// command; then again once the runner has made the model's session ready ahead (prewarm.ts), and a
// third time. Prints the figures (command → first result, and → page drawn); the prewarmed run must
// only decode and run, and give its first result within 1 s of the command unless the machine is
// overloaded (load average above 1.5 per core: then that figure is printed, not asserted).
import * as assert from 'node:assert/strict';
import { availableParallelism, loadavg } from 'node:os';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../client/src/run/command';
import { activateExtension, openSample, revertAndCloseAll } from '../../vscode/suite/helpers';

function sample(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

async function timedRun(model: vscode.Uri, image: vscode.Uri): Promise<{ result: number; drawn: number; timing?: string }> {
  const t0 = performance.now();
  const out = await vscode.commands.executeCommand<RunOutcome | undefined>('cnnShape.runModel', model, [image]);
  const result = performance.now() - t0;
  assert.ok(out, 'the command returned no result');
  assert.equal(out.view.images.length, 1);
  await out.shown;
  const drawn = performance.now() - t0;
  return out.timing ? { result, drawn, timing: out.timing } : { result, drawn };
}

suite('Run model: the first result, cold and prewarmed', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(revertAndCloseAll);

  test('ResNet-18: the first result within 1 s of the command once the model has been shown (asserted unless the machine is overloaded)', async function () {
    this.timeout(120_000);
    const api = await activateExtension();
    const model = sample('resnet18.cnn.yaml');
    const image = sample('images', 'scene-224.png');
    await openSample('resnet18.cnn.yaml');
    // As soon as the file is open: only the worker and onnxruntime may be ready by now.
    const justOpened = await timedRun(model, image);
    // The run left a worker that builds this version's session again; or the editor's own preparation.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await api.runnerPrepared(), true, 'the session of the model shown was made ahead');
    const prewarmed = await timedRun(model, image);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await api.runnerPrepared(), true, 'made ready again after the run');
    const again = await timedRun(model, image);
    const f = (t: { result: number; drawn: number; timing?: string }) => `${t.result.toFixed(0)} ms (page drawn ${t.drawn.toFixed(0)} ms; ${t.timing ?? 'no phases'})`;
    console.log(`ResNet-18, command → first result:\n  just opened ${f(justOpened)}\n  prewarmed ${f(prewarmed)}\n  again ${f(again)}`);
    // Made ahead: the run only decoded and ran (no weights, graph or session phase).
    for (const t of [prewarmed, again]) assert.match(t.timing ?? '', /\(worker \+\d+, decode \+\d+, run \+\d+, done \+\d+\)$/);
    assert.ok(prewarmed.result < justOpened.result, 'prewarmed is faster than just opened');
    // The 1 s target holds on a machine that is not overloaded (other processes share these cores).
    const load = loadavg()[0]! / availableParallelism();
    if (load < 1.5) {
      assert.ok(prewarmed.result < 1000, `prewarmed: ${f(prewarmed)}`);
      assert.ok(again.result < 1000, `again: ${f(again)}`);
    } else {
      console.log(`  (1 s target not asserted: load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    }
  });
});
