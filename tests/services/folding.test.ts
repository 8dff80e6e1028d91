// Folding of comment blocks and of residual blocks (from the first layer after a shortcut's source
// to the add that joins it back).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldingRanges } from '../../server/src/services/foldingRanges';
import { open } from './support';

const TEXT = [
  '# 残差块 residual block',           // 0
  '# two lines of explanation',         // 1
  'input: 8x8x4',                       // 2
  'layers:',                            // 3
  '  - {name: x, type: relu}',          // 4
  '  - {type: conv, filters: 4, kernel: 3, padding: 1}', // 5
  '  - relu',                           // 6
  '  # one comment line does not fold', // 7
  '  - {type: conv, filters: 4, kernel: 3, padding: 1}', // 8
  '  - {type: add, inputs: [x, 2]}',    // 9
  '',
].join('\n');

test('comment blocks of two lines or more fold; a residual block folds from after its source to its add', () => {
  const { analysis, doc } = open(TEXT);
  const ranges = foldingRanges(analysis, doc);
  assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 1 && r.kind === 'comment'), JSON.stringify(ranges));
  assert.ok(!ranges.some((r) => r.startLine === 7), JSON.stringify(ranges));
  assert.ok(ranges.some((r) => r.startLine === 5 && r.endLine === 9 && r.kind === 'region'), JSON.stringify(ranges));
});
