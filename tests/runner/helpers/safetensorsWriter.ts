// A tiny .safetensors writer for the tests: 8-byte little-endian header length, JSON header, data.
// Dtypes F32, F16, BF16, F64, I64 (num_batches_tracked is I64 in PyTorch files).

export type Dtype = 'F32' | 'F16' | 'BF16' | 'F64' | 'I64' | 'I32';

export interface WriteTensor {
  dtype: Dtype;
  shape: number[];
  data: ArrayLike<number>;
}

const BYTES: Record<Dtype, number> = { F32: 4, F16: 2, BF16: 2, F64: 8, I64: 8, I32: 4 };

/** float → IEEE binary16 bits (round to nearest; no subnormal care needed for test values). */
export function floatToHalf(v: number): number {
  if (v === 0) return Object.is(v, -0) ? 0x8000 : 0;
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  let exp = Math.floor(Math.log2(a));
  let frac = Math.round((a / 2 ** exp - 1) * 1024);
  if (frac === 1024) {
    frac = 0;
    exp++;
  }
  if (exp < -14) return sign | Math.round(a / 2 ** -24);
  return sign | ((exp + 15) << 10) | frac;
}

export function writeSafetensors(tensors: Record<string, WriteTensor>, metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = {};
  if (metadata) header['__metadata__'] = metadata;
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const n = t.data.length;
    const buf = Buffer.alloc(n * BYTES[t.dtype]);
    for (let i = 0; i < n; i++) {
      const v = t.data[i]!;
      switch (t.dtype) {
        case 'F32':
          buf.writeFloatLE(v, i * 4);
          break;
        case 'F64':
          buf.writeDoubleLE(v, i * 8);
          break;
        case 'F16':
          buf.writeUInt16LE(floatToHalf(v), i * 2);
          break;
        case 'BF16': {
          const f = Buffer.alloc(4);
          f.writeFloatLE(v);
          buf.writeUInt16LE(f.readUInt16LE(2), i * 2);
          break;
        }
        case 'I64':
          buf.writeBigInt64LE(BigInt(Math.trunc(v)), i * 8);
          break;
        case 'I32':
          buf.writeInt32LE(Math.trunc(v), i * 4);
          break;
      }
    }
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + buf.length] };
    offset += buf.length;
    chunks.push(buf);
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, ...chunks]);
}

/** Raw bytes with a given header text and length field, for corrupt-file tests. */
export function rawSafetensors(headerText: string, data: Buffer = Buffer.alloc(0), declaredLength?: bigint): Buffer {
  const json = Buffer.from(headerText, 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(declaredLength ?? BigInt(json.length));
  return Buffer.concat([len, json, data]);
}
