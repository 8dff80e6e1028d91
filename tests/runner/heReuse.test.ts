// He tensors kept from one build to the next (the spare worker's reuseHeTensors): an unchanged layer is
// taken as it was, a changed one is made afresh, and either way the values are those of a fresh build.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { beginHeBuild, heInitialise, reuseHeTensors } from '../../runner/src/weights/heInit';

afterEach(() => reuseHeTensors(0));

const fresh = (type: string, layer: number | string, shapes: Record<string, number[]>, seed: number) => {
  reuseHeTensors(0);
  return heInitialise(type, layer, shapes, seed);
};

test('an unchanged layer is taken from the last build; a changed shape, layer or seed is made afresh, with the fresh values', () => {
  const conv = { weight: [8, 3, 3, 3], bias: [8] };
  const want = fresh('conv', 2, conv, 1);
  const wider = fresh('conv', 2, { weight: [16, 3, 3, 3], bias: [16] }, 1);
  const moved = fresh('conv', 3, conv, 1);
  const reseeded = fresh('conv', 2, conv, 5);
  reuseHeTensors(1 << 20);
  beginHeBuild();
  const first = heInitialise('conv', 2, conv, 1);
  beginHeBuild();
  const again = heInitialise('conv', 2, conv, 1);
  assert.equal(again['weight']!.data, first['weight']!.data, 'the same array, not made again');
  assert.deepEqual(again['weight']!.data, want['weight']!.data);
  for (const [got, expected] of [
    [heInitialise('conv', 2, { weight: [16, 3, 3, 3], bias: [16] }, 1), wider],
    [heInitialise('conv', 3, conv, 1), moved],
    [heInitialise('conv', 2, conv, 5), reseeded],
  ] as const) {
    assert.notEqual(got['weight']!.data, first['weight']!.data);
    assert.deepEqual(got['weight']!.data, expected['weight']!.data);
  }
});

test('only the last build is kept, within the budget', () => {
  const small = { weight: [4, 2, 1, 1] };
  const big = { weight: [64, 64, 3, 3] };
  reuseHeTensors(64 * 64 * 9 * 4 - 1);
  beginHeBuild();
  const s1 = heInitialise('conv', 0, small, 1);
  const b1 = heInitialise('conv', 1, big, 1);
  beginHeBuild();
  assert.equal(heInitialise('conv', 0, small, 1)['weight']!.data, s1['weight']!.data, 'kept: within the budget');
  assert.notEqual(heInitialise('conv', 1, big, 1)['weight']!.data, b1['weight']!.data, 'over the budget: made again');
  beginHeBuild();
  beginHeBuild();
  assert.notEqual(heInitialise('conv', 0, small, 1)['weight']!.data, s1['weight']!.data, 'a build that did not use it dropped it');
});

test('off by default: every build makes its tensors', () => {
  beginHeBuild();
  const a = heInitialise('conv', 0, { weight: [4, 2, 1, 1] }, 1);
  beginHeBuild();
  assert.notEqual(heInitialise('conv', 0, { weight: [4, 2, 1, 1] }, 1)['weight']!.data, a['weight']!.data);
});
