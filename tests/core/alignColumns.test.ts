// Text tables line up in terminal columns: a Chinese header or label takes two columns per character,
// so the CLI's Chinese tables (run, eval, summary) stay aligned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignColumns, displayWidth } from '../../core/src/index';

const cell = fc.array(fc.constantFrom('a', 'Z', '7', '×', '卷', '积', '层', '输', '出'), { maxLength: 6 }).map((cs) => cs.join(''));

test('every column starts (left) or ends (right) at the same terminal column on every line', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 })), fc.func(fc.boolean()), (rows, right) => {
      const lines = alignColumns(rows, (c) => right(c));
      const columns = rows[0]!.length;
      // Where each cell ends, in terminal columns, rebuilt from the padded line itself.
      const ends = lines.map((line, r) => {
        let at = 0;
        return rows[r]!.map((c, j) => {
          const start = line.indexOf(c, at);
          at = start + c.length;
          return j < columns - 1 || c ? displayWidth(line.slice(0, right(j) ? at : start)) : undefined;
        });
      });
      for (let j = 0; j < columns; j++) {
        const seen = new Set(ends.map((e, r) => (rows[r]![j] ? e[j] : undefined)).filter((v) => v !== undefined));
        assert.ok(seen.size <= 1, `column ${j}: ${[...seen].join(', ')}\n${lines.join('\n')}`);
      }
    }),
    { numRuns: 300 },
  );
});
