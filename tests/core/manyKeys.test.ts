// A mapping with 50,000 keys is read in linear time (the duplicate check once compared every key with
// every earlier one: 29 s a check), and duplicates are reported alike in small and large mappings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../core/src/index';

const N = 50_000;
const KEYS = Array.from({ length: N }, (_, i) => `k${i}: ${i}`);

const PLACES: Record<string, string> = {
  'the top level': `input: 8x8x3\nlayers: [relu]\n${KEYS.join('\n')}\n`,
  'a layer': `input: 8x8x3\nlayers:\n  - type: relu\n${KEYS.map((k) => `    ${k}`).join('\n')}\n`,
  'a block use': `input: 8x8x3\nblocks:\n  b:\n    layers: [relu]\nlayers:\n  - type: b\n${KEYS.map((k) => `    ${k}`).join('\n')}\n`,
  'repeated keys': `input: 8x8x3\nlayers: [relu]\n${Array.from({ length: N }, (_, i) => `k${i % 100}: 1`).join('\n')}\n`,
};

for (const [place, text] of Object.entries(PLACES)) {
  test(`50,000 keys in ${place} are checked in linear time`, () => {
    const t0 = performance.now();
    const a = analyze({ text, fileName: 'm.cnn.yaml' });
    const ms = performance.now() - t0;
    assert.ok(ms < 8000, `${ms} ms`);
    assert.ok(a.diagnostics.length >= 100);
  });
}

test('duplicate keys: each repeat is reported once, pointing at the first, in small and large mappings', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 }), (ids) => {
      const text = `input: 8x8x3\nlayers:\n  - type: relu\n${ids.map((i) => `    x${i}: 1`).join('\n')}\n`;
      const a = analyze({ text, fileName: 'm.cnn.yaml' });
      const dups = a.diagnostics.filter((d) => d.code === 'duplicate-key');
      const expected: Array<[string, number]> = [];
      const seen = new Map<number, number>();
      let offset = text.indexOf('    x');
      for (const i of ids) {
        const at = offset + 4;
        if (seen.has(i)) expected.push([`x${i}`, seen.get(i)!]);
        else seen.set(i, at);
        offset = text.indexOf('\n', offset) + 1;
      }
      assert.deepEqual(
        dups.map((d) => [text.slice(d.span.start, d.span.end), d.related?.[0]?.span.start]),
        expected,
      );
    }),
    { numRuns: 100 },
  );
});
