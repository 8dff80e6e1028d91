// UTF-16 positions over the wire: CRLF line ends, Chinese text and emoji (two UTF-16 units each)
// before the error on the same line. Expected positions are counted here from the text itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, HoverRequest, InlayHintRequest, type MarkupContent, type Position } from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lspClient';
import { applyEdits, editsFor } from './support/textEdits';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.shutdown();
});

/** Line and UTF-16 column of the n-th `needle`, from splitting the text on its line breaks. */
function pos(text: string, needle: string, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const lines = text.slice(0, at).split('\r\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

const TEXT = [
  '# 卷积网络 🚀 CRLF',
  'input: 32x32x3',
  'layers:',
  '  - {name: "第一层😀👍", type: conv, filters: 8, kernel: 4, stride: 3}  # 步幅 3 ❌',
  '  - {name: 池化🐱, type: relu, inputs: 第一层😀👍}',
  '  - {type: conv, filters: 4, kernel: 1, in_channels: 3}',
  '',
].join('\r\n');

test('diagnostic ranges after Chinese text and emoji on a CRLF line', async () => {
  const uri = 'file:///work/%E4%B8%AD%E6%96%87.cnn.yaml';
  await client.open(uri, TEXT);
  const p = await client.atVersion(uri, 1);
  const bad = p.diagnostics.find((d) => d.code === 'non-integer-output')!;
  // On the stride that does not divide (issue 9), no longer on `conv`.
  const stride = pos(TEXT, '3}');
  assert.deepEqual(bad.range, { start: stride, end: { line: stride.line, character: stride.character + 1 } });
  // The emoji pairs count as two units each: the column is past them.
  assert.equal(stride.character, '  - {name: "第一层😀👍", type: conv, filters: 8, kernel: 4, stride: '.length);
  const ch = p.diagnostics.find((d) => d.code === 'channel-mismatch')!;
  const three = pos(TEXT, '3}', 1);
  assert.deepEqual(ch.range.start, three);
  assert.deepEqual(ch.relatedInformation?.[0]?.location.range.start, pos(TEXT, '池化🐱'));
});

test('hover, hints and a quick fix at UTF-16 positions', async () => {
  const uri = 'file:///work/emoji.cnn.yaml';
  await client.open(uri, TEXT);
  await client.atVersion(uri, 1);
  const ref = pos(TEXT, '第一层😀👍}');
  const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: ref.line, character: ref.character + 4 } });
  assert.match((h!.contents as MarkupContent).value, /layer 0 \(conv\) → `⚠ 10×10×8 \(10\.33 → 10\)`/);
  assert.deepEqual(h!.range, { start: ref, end: { line: ref.line, character: ref.character + '第一层😀👍'.length } });

  const hints = await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } } });
  assert.deepEqual(hints!.map((x) => x.position), [pos(TEXT, '  # 步幅 3 ❌')]);

  const fix = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos(TEXT, '3}'), end: pos(TEXT, '3}') }, context: { diagnostics: [] } }))!
    .find((a) => a.title.startsWith('Set padding to 1'));
  assert.ok(fix && 'edit' in fix);
  const { text, changes } = applyEdits(TEXT, uri, editsFor(fix.edit, uri));
  assert.ok(text.includes('"第一层😀👍", type: conv, filters: 8, kernel: 4, padding: 1, stride: 3}  # 步幅 3 ❌\r\n'), text);
  await client.change(uri, 2, changes);
  const p = await client.atVersion(uri, 2);
  assert.deepEqual(p.diagnostics.map((d) => d.code), ['channel-mismatch']);
  // The fix moved nothing before it: the remaining error is where it was counted in the new text.
  assert.deepEqual(p.diagnostics[0]!.range.start, pos(text, '3}', 1));
});
