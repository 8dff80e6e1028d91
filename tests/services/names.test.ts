// Layer names: go to definition, find references, highlights and rename, in YAML block and flow
// style and JSON, with CRLF, Chinese comments and emoji on the lines (positions are UTF-16).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Location, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, shapeLabel } from '../../core/src/index';
import { completion } from '../../server/src/services/completion';
import { definition } from '../../server/src/services/definition';
import { documentHighlights, references } from '../../server/src/services/references';
import { prepareRename, rename, RENAME_MESSAGES } from '../../server/src/services/rename';
import { applyWorkspaceEdit, cursor, open, positionOf } from './support';

/** "line:character text" for each range, so a wrong line or a wrong column both show. */
function where(doc: TextDocument, ranges: Range[]): string[] {
  return ranges.map((r) => `${r.start.line}:${r.start.character} ${doc.getText(r)}`);
}

function at(text: string, needle: string, nth = 0): string {
  const p = positionOf(text, needle, nth);
  return `${p.line}:${p.character}`;
}

const BLOCK = [
  'input: 28x28x1   # 输入图像 🖼️',
  'layers:',
  '  - name: c1     # 第一层 🎉',
  '    type: conv',
  '    filters: 4',
  '    kernel: 3',
  '  - type: relu   # 😀 激活',
  '    inputs: c1',
  '  - name: c2',
  '    type: conv',
  '    filters: 4',
  '    kernel: 3',
  '    padding: 1',
  '    inputs:',
  '      - c1',
  '  - type: add',
  '    inputs: [c1, c2]',
  '',
].join('\r\n');

const FLOW = 'input: 8x8x4\nlayers:\n  - {name: a, type: conv, filters: 4, kernel: 1}   # 注释 a\n  - {name: "b", type: relu, inputs: a}\n  - {type: add, inputs: [a, \'b\']}\n  - {type: concat, inputs: [b, input, 2]}\n';

const JSON_MODEL = '{\n  "input": "8x8x4",\n  "layers": [\n    {"name": "a", "type": "conv", "filters": 4, "kernel": 1},\n    {"name": "😀b", "type": "relu"},\n    {"type": "add", "inputs": ["a", "😀b"]}\n  ]\n}\n';

function on(text: string, needle: string, nth = 0, file?: string) {
  const c = open(text, file);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  return { ...c, offset: offset + 1 };
}

test('definition: from a name in inputs (scalar, block list, flow list) to the layer\'s name, across CRLF and emoji', () => {
  for (const [needle, nth] of [['inputs: c1', 0], ['- c1', 0], ['[c1', 0]] as const) {
    const c = on(BLOCK, needle, nth);
    const off = c.offset + needle.length - 3; // on the name itself
    const loc = definition(c.analysis, c.doc, off);
    assert.ok(loc, needle);
    assert.deepEqual(where(c.doc, [loc.range]), [`${at(BLOCK, 'c1')} c1`], needle);
  }
  const c = cursor(BLOCK.replace('[c1, c2]', '[c1, c|2]'));
  assert.deepEqual(where(c.doc, [definition(c.analysis, c.doc, c.offset)!.range]), [`${at(BLOCK, 'c2')} c2`]);
});

test('definition: the network input, a layer known by its index, quoted names, JSON; nothing off a name', () => {
  const text = FLOW;
  const inp = cursor(text.replace('b, input, 2', 'b, inp|ut, 2'));
  assert.deepEqual(where(inp.doc, [definition(inp.analysis, inp.doc, inp.offset)!.range]), ['0:0 input']);
  const idx = cursor(text.replace('input, 2]', 'input, |2]'));
  assert.deepEqual(where(idx.doc, [definition(idx.analysis, idx.doc, idx.offset)!.range]), [`${at(text, 'add')} add`]);
  const quoted = cursor(text.replace("[a, 'b']", "[a, 'b|']"));
  assert.deepEqual(where(quoted.doc, [definition(quoted.analysis, quoted.doc, quoted.offset)!.range]), [`${at(text, 'b"')} b`]);
  const json = cursor(JSON_MODEL.replace('["a", "😀b"]', '["a", "😀|b"]'), 'm.cnn.json');
  assert.deepEqual(where(json.doc, [definition(json.analysis, json.doc, json.offset)!.range]), [`${at(JSON_MODEL, '😀b')} 😀b`]);
  const off = cursor(text.replace('filters: 4', 'filt|ers: 4'));
  assert.equal(definition(off.analysis, off.doc, off.offset), null);
  const unknown = cursor('input: 8x8x1\nlayers:\n  - {type: relu, inputs: nop|e}\n');
  assert.equal(definition(unknown.analysis, unknown.doc, unknown.offset), null);
});

test('references: every use, with or without the declaration, from either end', () => {
  const expectUses = [`${at(BLOCK, 'c1', 1)} c1`, `${at(BLOCK, 'c1', 2)} c1`, `${at(BLOCK, 'c1', 3)} c1`];
  const decl = `${at(BLOCK, 'c1')} c1`;
  const fromDecl = on(BLOCK, 'c1');
  const ranges = (locs: Location[]) => where(fromDecl.doc, locs.map((l) => l.range));
  assert.deepEqual(ranges(references(fromDecl.analysis, fromDecl.doc, fromDecl.offset, true)), [decl, ...expectUses]);
  assert.deepEqual(ranges(references(fromDecl.analysis, fromDecl.doc, fromDecl.offset, false)), expectUses);
  const fromUse = on(BLOCK, 'c1', 2);
  assert.deepEqual(ranges(references(fromUse.analysis, fromUse.doc, fromUse.offset, true)), [decl, ...expectUses]);
  assert.ok(references(fromUse.analysis, fromUse.doc, fromUse.offset, true).every((l) => l.uri === fromUse.doc.uri));
  // Quotes are not part of the name.
  const q = on(FLOW, 'b"');
  assert.deepEqual(where(q.doc, references(q.analysis, q.doc, q.offset - 1, true).map((l) => l.range)), [`${at(FLOW, 'b"')} b`, `${at(FLOW, "b'")} b`, `${at(FLOW, 'b, input')} b`]);
});

test('references and highlights of the network input and of a name no layer has', () => {
  const c = cursor(FLOW.replace('b, input, 2', 'b, inp|ut, 2'));
  assert.deepEqual(where(c.doc, references(c.analysis, c.doc, c.offset, true).map((l) => l.range)), ['0:0 input', `${at(FLOW, 'input, 2')} input`]);
  const nope = 'input: 8x8x1\nlayers:\n  - {type: relu, inputs: nope}\n  - {type: relu, inputs: [nope]}\n';
  const u = cursor(nope.replace('nope', 'no|pe'));
  assert.deepEqual(where(u.doc, references(u.analysis, u.doc, u.offset, true).map((l) => l.range)), [`${at(nope, 'nope')} nope`, `${at(nope, 'nope', 1)} nope`]);
});

test('highlights: the declaration is written, the uses read', () => {
  const c = on(JSON_MODEL, '"a"', 0, 'm.cnn.json');
  const h = documentHighlights(c.analysis, c.doc, c.offset + 1);
  assert.deepEqual(where(c.doc, h.map((x) => x.range)), [`${at(JSON_MODEL, 'a"')} a`, `${at(JSON_MODEL, 'a"', 1)} a`]);
  assert.deepEqual(h.map((x) => x.kind), [3, 2]);
  const none = cursor(JSON_MODEL.replace('"con', '"co|n'), 'm.cnn.json');
  assert.deepEqual(documentHighlights(none.analysis, none.doc, none.offset), []);
});

/** The text after renaming the name under the cursor. */
function renamed(src: string, newName: string, file?: string): string {
  const c = cursor(src, file);
  const r = rename(c.analysis, c.doc, c.offset, newName);
  assert.ok('ok' in r, 'error' in r ? r.error : '');
  return applyWorkspaceEdit(c.doc, r.ok);
}

/** Shapes and wiring of every layer: a rename must not change them. */
function wiring(text: string, file = 'm.cnn.yaml'): string[] {
  const a = analyze({ text, fileName: file });
  return a.layers.map((r) => `${r.sources.join(',')} ${shapeLabel(r.output)}`).concat(a.diagnostics.map((d) => d.code));
}

test('rename in block style with CRLF and comments: every site, nothing else touched', () => {
  const out = renamed(BLOCK.replace('inputs: c1', 'inputs: c|1'), '特征1');
  assert.equal(out, BLOCK.replaceAll('c1', '特征1'));
  assert.deepEqual(wiring(out), wiring(BLOCK));
});

test('rename in flow style keeps each site\'s quotes and quotes where a plain name would not read back', () => {
  const src = FLOW.replace('{name: "b"', '{name: "|b"');
  assert.equal(renamed(src, 'relu_b'), FLOW.replace('"b"', '"relu_b"').replace("'b'", "'relu_b'").replace('[b,', '[relu_b,'));
  const spaced = renamed(src, 'my b');
  assert.equal(spaced, FLOW.replace('"b"', '"my b"').replace("'b'", "'my b'").replace('[b,', '["my b",'));
  assert.deepEqual(wiring(spaced), wiring(FLOW));
  for (const word of ['yes', 'null', 'True', 'a, b', 'x: y', '#x', '[x]', '-x', '😀', "it's"]) {
    const t = renamed(FLOW.replace('{name: a,', '{name: |a,'), word);
    assert.deepEqual(wiring(t), wiring(FLOW), `${word}\n${t}`);
    assert.equal(analyze({ text: t, fileName: 'm.cnn.yaml' }).model.layers[0]!.name?.value, word, t);
  }
});

test('rename in JSON writes JSON strings', () => {
  const out = renamed(JSON_MODEL.replace('"😀b", "type"', '"😀|b", "type"'), 'say "hi" 🎉', 'm.cnn.json');
  assert.equal(out, JSON_MODEL.replaceAll('"😀b"', JSON.stringify('say "hi" 🎉')));
  assert.deepEqual(wiring(out, 'm.cnn.json'), wiring(JSON_MODEL, 'm.cnn.json'));
});

test('prepareRename: the name without quotes and its text; refusals say why', () => {
  const c = cursor(FLOW.replace("'b'", "'|b'"));
  const p = prepareRename(c.analysis, c.doc, c.offset);
  assert.ok('ok' in p);
  assert.deepEqual(where(c.doc, [p.ok.range]), [`${at(FLOW, "b'")} b`]);
  assert.equal(p.ok.placeholder, 'b');
  const refuse = (src: string) => {
    const k = cursor(src);
    const r = prepareRename(k.analysis, k.doc, k.offset);
    return 'error' in r ? r.error : 'accepted';
  };
  assert.equal(refuse(FLOW.replace('b, input', 'b, inpu|t')), RENAME_MESSAGES.input);
  assert.equal(refuse(FLOW.replace('input, 2]', 'input, |2]')), RENAME_MESSAGES.byIndex(2));
  assert.equal(refuse('input: 8x8x1\nlayers:\n  - {type: relu, inputs: no|pe}\n'), RENAME_MESSAGES.unknown('nope'));
  assert.equal(refuse(FLOW.replace('kernel: 1', 'kern|el: 1')), RENAME_MESSAGES.notAName);
});

test('rename refuses an empty name, input, a number and a name in use; the same name is no change', () => {
  const c = cursor(FLOW.replace('{name: a,', '{name: |a,'));
  const err = (n: string) => {
    const r = rename(c.analysis, c.doc, c.offset, n);
    return 'error' in r ? r.error : 'accepted';
  };
  assert.equal(err(''), RENAME_MESSAGES.empty);
  assert.equal(err('   '), RENAME_MESSAGES.empty);
  assert.equal(err('input'), RENAME_MESSAGES.reserved);
  assert.equal(err('12'), RENAME_MESSAGES.digits('12'));
  assert.equal(err('x\ny'), RENAME_MESSAGES.lineBreak);
  assert.equal(err('b'), RENAME_MESSAGES.taken('b', 1));
  assert.equal(err('a'), 'accepted');
  assert.equal(err(' a2 '), 'accepted');
});

test('a second layer with a taken name is renamed alone (the uses belong to the first)', () => {
  const src = 'input: 8x8x1\nlayers:\n  - {name: r, type: relu}\n  - {name: |r, type: relu}\n  - {type: relu, inputs: r}\n';
  const out = renamed(src, 'r2');
  assert.equal(out, src.replace('|r', 'r2'));
  assert.equal(analyze({ text: out, fileName: 'm.cnn.yaml' }).diagnostics.filter((d) => d.code === 'duplicate-name').length, 0);
});

// Generated networks: a chain of named layers, some taking earlier ones by name; renaming any layer
// to a fresh name keeps every layer's wiring and shape, in YAML block, YAML flow and JSON.
const NAMES = ['a', 'b1', 'conv_1', '特征', 'x.y', 'my-layer', 'yes', '😀', 'a b', "o'k"];
test('property: renaming any named layer keeps the network as it was', () => {
  const net = fc.record({
    names: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 6 }),
    refs: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    style: fc.constantFrom('block', 'flow', 'json'),
    crlf: fc.boolean(),
    pick: fc.nat(),
    fresh: fc.constantFrom('n', '新名', 'no', '🎉x', 'has space', 'q"uote', "s'ingle"),
  });
  fc.assert(
    fc.property(net, ({ names, refs, style, crlf, pick, fresh }) => {
      fc.pre(!names.includes(fresh));
      const layers = names.map((name, i) => ({ name, type: 'relu', ...(i > 0 ? { inputs: [names[refs[i]! % i]!] } : {}) }));
      const file = style === 'json' ? 'm.cnn.json' : 'm.cnn.yaml';
      const nl = crlf ? '\r\n' : '\n';
      const text = style === 'json'
        ? JSON.stringify({ input: '8x8x1', layers }, null, 2).replaceAll('\n', nl)
        : `input: 8x8x1 # 输入 😀${nl}layers:${nl}${layers.map((l) => yamlLayer(l, style === 'flow', nl)).join('')}`;
      const a = analyze({ text, fileName: file });
      const target = a.model.layers[pick % names.length]!;
      const { doc } = open(text, file);
      const r = rename(a, doc, target.name!.span!.start, fresh);
      assert.ok('ok' in r, 'error' in r ? r.error : '');
      const out = applyWorkspaceEdit(doc, r.ok);
      assert.deepEqual(wiring(out, file), wiring(text, file), out);
      const after = analyze({ text: out, fileName: file });
      assert.equal(after.model.layers[target.index]!.name?.value, fresh, out);
    }),
  );
});

function yamlLayer(l: { name: string; type: string; inputs?: string[] }, flow: boolean, nl: string): string {
  const q = (s: string) => JSON.stringify(s);
  if (flow) return `  - {name: ${q(l.name)}, type: ${l.type}${l.inputs ? `, inputs: [${l.inputs.map(q).join(', ')}]` : ''}}  # 注释${nl}`;
  return `  - name: ${q(l.name)}${nl}    type: ${l.type}${nl}${l.inputs ? `    inputs:${nl}${l.inputs.map((x) => `      - ${q(x)}${nl}`).join('')}` : ''}`;
}

test('a reference-valued parameter (crop\'s like) is a reference like inputs: definition, references, rename, completion', () => {
  const src = 'input: 64x64x8\nlayers:\n  - {name: big, type: conv, filters: 8, kernel: 1}\n  - {name: small, type: maxpool, kernel: 2}\n  - {type: crop, inputs: big, like: small}\n';
  const c = cursor(src.replace('like: small', 'like: sm|all'));
  assert.deepEqual(where(c.doc, [definition(c.analysis, c.doc, c.offset)!.range]), [`${at(src, 'small')} small`]);
  assert.deepEqual(where(c.doc, references(c.analysis, c.doc, c.offset, true).map((l) => l.range)), [`${at(src, 'small')} small`, `${at(src, 'small', 1)} small`]);
  assert.equal(renamed(src.replace('{name: small', '{name: sm|all'), 'pooled'), src.replaceAll('small', 'pooled'));
  const k = cursor(src.replace('like: small', 'like: |'));
  assert.deepEqual(completion(k.analysis, k.doc, k.offset).map((i) => i.label), ['input', 'small', 'big']);
});
