// The explain page's axes (client/src/explain/webview/scale.ts): the cells it draws are listed, not
// found by walking the axis, so an input 2^40 pixels wide or padded by 200,000,000 (hostile campaign,
// issue 13) draws at most MAX_CELLS cells a side at once; a short axis is drawn whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EDGE_CELLS, MAX_CELLS, scale } from '../../client/src/explain/webview/scale';

test('indices: the cells shown, in order, at most MAX_CELLS, for any length up to 2^53', { timeout: 20_000 }, () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), (length) => {
      const started = performance.now();
      const s = scale(length, 10);
      const ix = s.indices();
      assert.ok(ix.length <= MAX_CELLS, `${ix.length} cells for ${length}`);
      assert.equal(ix.length, Math.min(length, length > MAX_CELLS ? 2 * EDGE_CELLS : length));
      for (let k = 0; k < ix.length; k++) {
        assert.ok(s.shown(ix[k]!) && ix[k]! >= 0 && ix[k]! < length);
        if (k > 0) assert.ok(ix[k]! > ix[k - 1]!);
      }
      // Positions stay finite and ordered along the drawn cells.
      for (let k = 1; k < ix.length; k++) assert.ok(s.pos(ix[k]!) > s.pos(ix[k - 1]!));
      assert.ok(performance.now() - started < 50);
    }),
    { numRuns: 500 },
  );
});

test('the cells a short axis shows are all of them; a long one its two ends', () => {
  assert.deepEqual(scale(5, 10).indices(), [0, 1, 2, 3, 4]);
  const ends = scale(2 ** 40 + 400_000_000, 10).indices();
  assert.deepEqual(ends.slice(0, 2), [0, 1]);
  assert.equal(ends.at(-1), 2 ** 40 + 400_000_000 - 1);
});
