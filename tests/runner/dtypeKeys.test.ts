// Messages (issue 13): a safetensors dtype such as `__proto__` or `constructor` is an unknown dtype,
// never "needs NaN bytes" (a lookup on a plain object found Object.prototype's members).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSafetensors, WeightsError } from '../../runner/src/weights/safetensors';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('dtype');

function raw(header: string, data: Buffer): Buffer {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(Buffer.byteLength(header)));
  return Buffer.concat([len, Buffer.from(header), data]);
}

test('dtypes named like Object.prototype members are unknown dtypes, with a clear message when read', () => {
  for (const dtype of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    const file = tmp.write(`${dtype}.safetensors`, raw(JSON.stringify({ t: { dtype, shape: [2], data_offsets: [0, 8] } }), Buffer.alloc(8)));
    const f = readSafetensors(file);
    assert.equal(f.entries.get('t')?.dtype, dtype);
    assert.throws(() => f.read('t'), (e: Error) => e instanceof WeightsError && !/NaN/.test(e.message) && e.message.includes(`dtype ${dtype}; the runner reads F32`), dtype);
  }
});
