// Format v2 blocks as the editor shows them, on samples/v2/resnet18.cnn.yaml (block `basic` used by
// layer1 with `repeat: 2` and by layer2..4 with `repeat: 1, first: 1`; block `basic_down` used three
// times): hints and hovers inside a definition speak for every use, go to definition, rename (undone),
// the outline, completion of block names and `$` parameters, and diagnostics of a copy placed in the
// definition with one diagnostic on the use. Expected shapes come from the core, not from this file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, shapeLabel, type Analysis } from '../../../core/src/index';
import { activateExtension, fullRange, hintLabel, hoverText, openSample, revertAndCloseAll, waitForDiagnostics } from './helpers';

const SAMPLE = 'v2/resnet18.cnn.yaml';

function core(doc: vscode.TextDocument): Analysis {
  return analyze({ text: doc.getText(), fileName: doc.fileName });
}

/** The position just after the first `needle` on the line that contains `lineText` (both must exist). */
function at(doc: vscode.TextDocument, lineText: string, needle: string, nth = 0): vscode.Position {
  const text = doc.getText();
  let from = -1;
  for (let i = 0; i <= nth; i++) {
    from = text.indexOf(lineText, from + 1);
    assert.ok(from >= 0, `"${lineText}" (#${i}) not in ${doc.fileName}`);
  }
  const col = lineText.indexOf(needle);
  assert.ok(col >= 0, `"${needle}" not in "${lineText}"`);
  return doc.positionAt(from + col + needle.length);
}

const lineOf = (doc: vscode.TextDocument, lineText: string, nth = 0): number => at(doc, lineText, lineText.slice(0, 1), nth).line;

/** The full names and output shapes of every copy of the definition's `inner`-th layer. */
function copies(a: Analysis, block: string, inner: number): Array<{ name: string; output: string; input: string }> {
  const idx = a.model.blocks?.copiesOf.get(block)?.[inner];
  assert.ok(idx && idx.length > 0, `no copies of ${block}[${inner}]`);
  return idx.map((i) => {
    const l = a.layers[i]!;
    return { name: l.decl.id, output: shapeLabel(l.output), input: shapeLabel(l.inputShapes[0]) };
  });
}

async function diagnosticsSettled(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  // The sample's first layer (112.5 → 112, floor) is always noted: its note means the file was checked.
  return waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.message.includes('112.5')), 'the first diagnostics of the sample');
}

const CONV1_BASIC = '{name: conv1, type: conv, filters: $filters, kernel: 3, padding: 1, bias: false}';
const ADD_BASIC = '{name: add, type: add, inputs: [bn2, input]}';

suite('Blocks (format v2) in the editor', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(revertAndCloseAll);

  test('inlay hints in a definition give the shapes of every use; a use gives its copies', async () => {
    const { document: doc } = await openSample(SAMPLE);
    await diagnosticsSettled(doc);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, fullRange(doc));
    const byLine = new Map(hints.map((h) => [h.position.line, hintLabel(h)]));
    const shapes = copies(core(doc), 'basic', 0).map((c) => c.output);
    assert.equal(shapes.length, 5, 'basic runs five times: layer1.0, layer1.1, layer2.1, layer3.1, layer4.1');
    const conv1 = byLine.get(lineOf(doc, CONV1_BASIC));
    assert.ok(conv1, `no hint on basic's conv1; hints: ${[...byLine].join(' | ')}`);
    assert.ok(conv1.includes(shapes[0]!) && conv1.includes(shapes[4]!) && conv1.includes('5 uses'), conv1);
    // basic_down's conv1 runs three times with three different shapes.
    const down = byLine.get(lineOf(doc, '{name: conv1, type: conv, filters: $filters, kernel: 3, stride: 2'));
    for (const c of copies(core(doc), 'basic_down', 0)) assert.ok(down?.includes(c.output), `${c.output} in ${down}`);
    // The use of basic with repeat: 2.
    const use = byLine.get(lineOf(doc, '{name: layer1, type: basic'));
    assert.match(use ?? '', /56×56×64.*2 copies/);
  });

  test('hover on a layer inside a definition lists every copy with its shapes', async () => {
    const { document: doc } = await openSample(SAMPLE);
    await diagnosticsSettled(doc);
    const pos = at(doc, CONV1_BASIC, '{name: con');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
    assert.match(text, /`conv1` in block `basic`/);
    for (const c of copies(core(doc), 'basic', 0)) {
      assert.ok(text.includes(`\`${c.name}\`: \`${c.input} → ${c.output}\``), `hover lacks ${c.name}: ${c.input} → ${c.output}\n${text}`);
    }
  });

  test('go to definition: from a use to its block, from an inputs name to its layer', async () => {
    const { document: doc } = await openSample(SAMPLE);
    await diagnosticsSettled(doc);
    const target = async (pos: vscode.Position): Promise<vscode.Range> => {
      const locs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, pos);
      assert.equal(locs.length, 1, JSON.stringify(locs));
      const l = locs[0]!;
      return 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
    };
    const toBlock = await target(at(doc, '{name: layer3, type: basic,', 'type: ba'));
    assert.equal(doc.getText(toBlock), 'basic');
    assert.equal(toBlock.start.line, lineOf(doc, '  basic:'));
    const toLayer = await target(at(doc, ADD_BASIC, 'inputs: [bn'));
    assert.equal(doc.getText(toLayer), 'bn2');
    assert.equal(toLayer.start.line, lineOf(doc, '{name: bn2, type: batchnorm}'), 'basic\'s own bn2, not basic_down\'s');
    const inDown = await target(at(doc, '{name: add, type: add, inputs: [bn2, downsample.1]}', 'downsample.'));
    assert.equal(doc.getText(inDown), 'downsample.1');
    assert.equal(inDown.start.line, lineOf(doc, '{name: downsample.1, type: batchnorm}'));
  });

  test('rename of a layer inside a block changes it and its references there only; undo restores it', async () => {
    const editor = await openSample(SAMPLE);
    const doc = editor.document;
    await diagnosticsSettled(doc);
    const before = doc.getText();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at(doc, '{name: bn2, type: batchnorm}', '{name: bn'), 'bn_two');
    const edits = edit.get(doc.uri);
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, doc.getText(e.range), e.newText]).sort(),
      [[lineOf(doc, '{name: bn2, type: batchnorm}'), 'bn2', 'bn_two'], [lineOf(doc, ADD_BASIC), 'bn2', 'bn_two']].sort(),
      'the declaration and the add in basic; basic_down\'s bn2 is another layer',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.getText().includes('{name: add, type: add, inputs: [bn_two, input]}'));
    assert.ok(doc.getText().includes('{name: add, type: add, inputs: [bn2, downsample.1]}'));
    // Still a valid model, with the same layers.
    assert.deepEqual(core(doc).diagnostics.filter((d) => d.severity === 'error'), []);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'undo restores the file');
  });

  test('the outline has the blocks with their layers and each use with its copies', async () => {
    const { document: doc } = await openSample(SAMPLE);
    await diagnosticsSettled(doc);
    const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = (s: vscode.DocumentSymbol | undefined): string[] => (s?.children ?? []).map((c) => c.name);
    const blocks = syms.find((s) => s.name === 'blocks');
    assert.deepEqual(names(blocks), ['basic', 'basic_down']);
    assert.deepEqual(names(blocks?.children[0]), ['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'add', 'relu2']);
    const layers = syms.find((s) => s.name === 'layers');
    const layer1 = layers?.children.find((c) => c.name === 'layer1');
    assert.deepEqual(names(layer1), ['layer1.0', 'layer1.1']);
    assert.deepEqual(names(layers?.children.find((c) => c.name === 'layer2')), ['layer2.1']);
    assert.equal(layers?.children.length, 14, names(layers).join(', '));
  });

  test('completion: block names as layer types (not inside themselves), $ parameters inside a definition', async () => {
    const { document: doc } = await openSample(SAMPLE);
    await diagnosticsSettled(doc);
    const labels = async (pos: vscode.Position): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const top = await labels(at(doc, '{name: layer2, type: basic,', 'type: '));
    assert.ok(top.includes('basic') && top.includes('basic_down') && top.includes('conv'), top.join(', '));
    const inDown = await labels(at(doc, '{name: conv2, type: conv, filters: $filters', 'type: ', 1));
    assert.ok(inDown.includes('basic') && !inDown.includes('basic_down'), `inside basic_down: ${inDown.join(', ')}`);
    const params = await labels(at(doc, CONV1_BASIC, '$'));
    assert.ok(params.includes('$filters'), params.join(', '));
  });

  test('a mistake in one copy: at the definition line "in <copy>:", one diagnostic on the use; undo clears it', async () => {
    const editor = await openSample(SAMPLE);
    const doc = editor.document;
    await diagnosticsSettled(doc);
    // A side branch whose 10×10 kernel fits 56, 28 and 14 but not layer4.1's 7×7 input.
    const probe = '      - {name: probe, type: conv, inputs: input, filters: 1, kernel: 10}\n';
    const addLine = lineOf(doc, ADD_BASIC);
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(addLine, 0), probe)));
    const isError = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error;
    const ds = await waitForDiagnostics(doc.uri, (x) => x.some(isError), 'an error for the probe');
    const errors = ds.filter(isError);
    const inDef = errors.filter((d) => d.range.start.line === addLine);
    assert.equal(inDef.length, 1, errors.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    assert.match(inDef[0]!.message, /^in layer4\.1: .*\(7 − 10 \+ 2·0\)\/1 \+ 1 = -2/);
    assert.ok(inDef[0]!.relatedInformation?.some((r) => doc.getText(r.location.range) === 'basic'), 'related: the use');
    const useLine = lineOf(doc, '{name: layer4, type: basic');
    const onUse = errors.filter((d) => d.range.start.line === useLine);
    assert.equal(onUse.length, 1);
    assert.match(onUse[0]!.message, /copy layer4\.1 of block 'basic' has errors/);
    assert.equal(errors.length, 2, 'no other use is blamed');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(doc.uri, (x) => !x.some(isError), 'no error after undo');
  });
});
