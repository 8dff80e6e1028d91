import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { validation } from '../../server/src/services/validation';
import { open, positionOf } from './support';

test('core diagnostics keep code, severity and message; related information points at the producing layer', () => {
  const text = 'input: 28x28x1\r\nlayers:\r\n  - {name: 特征😀, type: conv, filters: 4, kernel: 3}\r\n  - {type: dense, units: 10}  # 全连接\r\n';
  const { analysis, doc } = open(text);
  const diags = validation(analysis, doc);
  assert.equal(diags.length, analysis.diagnostics.length);
  const d = diags.find((x) => x.code === 'shape-mismatch')!;
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.equal(d.source, 'cnn-shape');
  assert.deepEqual(d.range.start, positionOf(text, 'dense'));
  assert.match(d.message as string, /flatten/);
  const rel = d.relatedInformation![0]!;
  assert.equal(rel.location.uri, doc.uri);
  // The producing layer is named: its name is where the related location points.
  assert.deepEqual(rel.location.range.start, positionOf(text, '特征😀'));
  assert.deepEqual(rel.location.range.end, { line: 2, character: positionOf(text, '特征😀').character + '特征😀'.length });
});

test('an unused layer is tagged unnecessary; rounding floor reports at information severity', () => {
  const { analysis, doc } = open('input: 9x9x3\nrounding: floor\nlayers:\n  - {name: lost, type: conv, filters: 2, kernel: 2, stride: 2}\n  - {type: conv, filters: 2, kernel: 2, stride: 3, inputs: input}\n');
  const diags = validation(analysis, doc);
  const unused = diags.find((x) => x.code === 'unused-layer')!;
  assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
  assert.equal(unused.severity, DiagnosticSeverity.Warning);
  const rounded = diags.find((x) => x.code === 'non-integer-output')!;
  assert.equal(rounded.severity, DiagnosticSeverity.Information);
});
