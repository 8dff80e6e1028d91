// The graph page driven as a user would, through its own listeners: arrow keys move the focus between
// boxes and Enter goes to the layer, the search marks and visits layers by name, the overview toggles,
// and SVG and PNG export write files (the save dialog answered by the test hook).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CnnShapeApi } from '../../../client/src/api';
import type { PageProbe, ToGraphPage } from '../../../client/src/graph/messages';
import { analyze } from '../../../core/src/index';
import { xmlProblems } from '../../graph/xml';
import { activateExtension, openSample, revertAndCloseAll, waitForEvent } from './helpers';

const WAIT_MS = 20_000;

function next<T>(event: vscode.Event<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what}: not within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const sub = event((v) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

suite('Model graph: keyboard, search, overview, export', () => {
  let api: CnnShapeApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });
  teardown(revertAndCloseAll);

  function act(m: Omit<Extract<ToGraphPage, { type: 'act' }>, 'type'>): Promise<PageProbe> {
    const answer = next(api.graphPanel.onDidProbePage, `the page's answer to ${JSON.stringify(m)}`);
    api.graphPanel.actInPage({ type: 'act', ...m });
    return answer;
  }

  test('ResNet-18: arrows, Enter, search by name, overview toggle, SVG and PNG', async () => {
    const editor = await openSample('resnet18.cnn.yaml');
    const doc = editor.document;
    const drawn = waitForEvent(api.graphPanel.onDidShowInPage, () => api.graphPanel.inPage?.version === doc.version, 'graph drawn', () => JSON.stringify(api.graphPanel.inPage));
    await vscode.commands.executeCommand('cnnShape.showGraph');
    await drawn;
    const layers = analyze({ text: doc.getText(), fileName: doc.fileName }).layers;

    // Keyboard: from the input, down twice, up once; Enter selects that layer's type in the editor.
    assert.equal((await act({ focus: 'input' })).focused, 'input');
    assert.equal((await act({ key: 'ArrowDown' })).focused, 'L0');
    const down = await act({ key: 'ArrowDown' });
    assert.equal(down.focused, 'L1');
    assert.ok(down.inView, 'the focused box is in view');
    assert.equal((await act({ key: 'ArrowUp' })).focused, 'L0');
    const line = doc.positionAt(layers[0]!.decl.typeSpan.start).line;
    // The editor's cursor elsewhere first (reopened files keep their last selection), then Enter on L0.
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(0, 0, 0, 0), preserveFocus: false });
    // The page has the focus: the selection event may come before the editor is the active one again.
    const selected = next(vscode.window.onDidChangeTextEditorSelection, `selection on line ${line}`);
    assert.equal((await act({ focus: 'L0', key: 'Enter' })).focused, 'L0');
    const sel = await selected;
    assert.equal(sel.textEditor.document.uri.toString(), doc.uri.toString());
    assert.equal(sel.selections[0]?.start.line, line);
    assert.equal(doc.getText(sel.selections[0]), layers[0]!.decl.type);

    // Search: every layer whose name holds the text (any case), Enter visits them in order.
    const want = layers.filter((l) => l.decl.id.toLowerCase().includes('layer3.1')).map((l) => `L${l.decl.index}`);
    assert.ok(want.length >= 4, want.join(' '));
    const typed = await act({ search: 'LAYER3.1' });
    assert.deepEqual(typed.found, want);
    const first = await act({ searchEnter: true });
    assert.equal(first.foundAt, want[0]);
    assert.ok(first.inView, 'the view went to the first hit');
    assert.equal((await act({ searchEnter: true })).foundAt, want[1]);
    assert.deepEqual((await act({ search: 'no such layer' })).found, []);
    await act({ search: '' });

    // The overview toggles (and says so).
    const before = (await act({})).overview;
    assert.equal((await act({ button: 'overview' })).overview, !before);
    assert.equal((await act({ button: 'overview' })).overview, before);

    // Export: SVG with one box a layer, well-formed; PNG with its signature and a size.
    const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-export-'));
    const svgUri = vscode.Uri.file(join(dir, 'g.svg'));
    api.graphPanel.exportNextTo(svgUri);
    let written = next(api.graphPanel.onDidExport, 'SVG written');
    await act({ button: 'export-svg' });
    assert.equal((await written).toString(), svgUri.toString());
    const svg = readFileSync(svgUri.fsPath, 'utf8');
    assert.deepEqual(xmlProblems(svg), []);
    assert.equal((svg.match(/class="node[^"]*" data-id="L\d+"/g) ?? []).length, layers.length);
    const pngUri = vscode.Uri.file(join(dir, 'g.png'));
    api.graphPanel.exportNextTo(pngUri);
    written = next(api.graphPanel.onDidExport, 'PNG written');
    await act({ button: 'export-png' });
    await written;
    const png = readFileSync(pngUri.fsPath);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
    assert.ok(Math.abs(width - 2 * svgWidth) <= 2, `PNG twice the SVG's width ${svgWidth} (${width}×${height})`);
    assert.ok(height > width, `a tall network (${width}×${height})`);
  });
});
