// Reading .safetensors files (https://huggingface.co/docs/safetensors): 8 bytes little-endian header
// length N, N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__?}, then the
// data. Every length and offset is checked before use; values are converted to float32 only for the
// tensors asked for, so unused tensors of other dtypes (num_batches_tracked is I64) do no harm.
import { closeSync, readSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { freemem } from 'node:os';
import { basename } from 'node:path';
import { WeightsError } from '../errors';
import { FileRefused, MAX_FILE_BYTES, mb, openRegular } from '../files/readRegular';
import { t } from '../../../core/src/index';

export { WeightsError };

/** The format's own limit on the header (100 MB); more means a corrupt or hostile file. */
const MAX_HEADER = 100_000_000;

/** A Map, not an object: a dtype such as `__proto__` or `constructor` from the file must find nothing. */
const DTYPE_BYTES: ReadonlyMap<string, number> = new Map(Object.entries({
  F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U64: 8, U32: 4, U16: 2, U8: 1, BOOL: 1,
  F8_E4M3: 1, F8_E5M2: 1,
}));
export const READABLE_DTYPES = ['F32', 'F16', 'BF16', 'F64'] as const;

export interface SafetensorsEntry {
  dtype: string;
  shape: number[];
  begin: number;
  end: number;
}

export interface SafetensorsFile {
  file: string;
  entries: Map<string, SafetensorsEntry>;
  metadata: Record<string, string>;
  /** The tensor as float32 (F32, F16, BF16, F64); throws WeightsError for other dtypes. */
  read(key: string): Float32Array;
}

export interface ReadOptions {
  /** Refuse files bigger than this many bytes (default: free memory, and Node's largest buffer). */
  maxBytes?: number;
}

export function readSafetensors(file: string, opts: ReadOptions = {}): SafetensorsFile {
  const name = basename(file);
  const fail = (msg: string): never => {
    throw new WeightsError(t('runnerErrors.withFile', { file, message: msg }));
  };
  let fd: number;
  let size: number;
  try {
    ({ fd, size } = openRegular(file, 'weights'));
  } catch (e) {
    if (e instanceof FileRefused) throw new WeightsError(e.message);
    throw e;
  }
  try {
    const limit = opts.maxBytes ?? Math.min(freemem(), bufferConstants.MAX_LENGTH, MAX_FILE_BYTES.weights);
    if (size > limit) {
      fail(t(opts.maxBytes === undefined ? 'runnerErrors.stTooLargeFree' : 'runnerErrors.stTooLargeLimit', { size: mb(size), limit: mb(limit) }));
    }
    if (size < 8) fail(t('runnerErrors.stTooShort', { size }));
    const head = Buffer.alloc(8);
    readSync(fd, head, 0, 8, 0);
    // The numbers read here are the file's first bytes, whatever the file is: they never go into a message.
    const n = head.readBigUInt64LE(0);
    if (n > BigInt(MAX_HEADER)) fail(t('runnerErrors.stHeaderTooLong', { max: MAX_HEADER }));
    const headerLen = Number(n);
    if (8 + headerLen > size) fail(t('runnerErrors.stHeaderPastEnd'));
    const bytes = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const r = readSync(fd, bytes, got, size - got, got);
      if (r === 0) break;
      got += r;
    }
    if (got !== size) fail(t('runnerErrors.stChanged', { got, size }));
    let header: unknown;
    try {
      header = JSON.parse(bytes.subarray(8, 8 + headerLen).toString('utf8'));
    } catch {
      // JSON.parse's message quotes the text: not shown.
      return fail(t('runnerErrors.stNotJson'));
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header)) fail(t('runnerErrors.stNotObject'));
    const dataStart = 8 + headerLen;
    const dataLen = size - dataStart;
    const entries = new Map<string, SafetensorsEntry>();
    let metadata: Record<string, string> = {};
    for (const [key, v] of Object.entries(header as Record<string, unknown>)) {
      if (key === '__metadata__') {
        if (typeof v === 'object' && v !== null) metadata = v as Record<string, string>;
        continue;
      }
      entries.set(key, checkEntry(key, v, dataLen, fail));
    }
    const read = (key: string): Float32Array => {
      const e = entries.get(key);
      if (!e) return fail(t('runnerErrors.stNoTensor', { key }));
      return toFloat32(bytes, dataStart + e.begin, e, () => fail(t('runnerErrors.stDtype', { key, dtype: e.dtype, dtypes: READABLE_DTYPES.join(', ') })));
    };
    return { file: name, entries, metadata, read };
  } finally {
    closeSync(fd);
  }
}

function checkEntry(key: string, v: unknown, dataLen: number, fail: (m: string) => never): SafetensorsEntry {
  if (typeof v !== 'object' || v === null) fail(t('runnerErrors.stEntryNotObject', { key }));
  const o = v as Record<string, unknown>;
  const dtype = o['dtype'];
  const shape = o['shape'];
  const offsets = o['data_offsets'];
  if (typeof dtype !== 'string') fail(t('runnerErrors.stNoDtype', { key }));
  const isDim = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  if (!Array.isArray(shape) || !shape.every(isDim)) fail(t('runnerErrors.stBadShape', { key }));
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isDim)) fail(t('runnerErrors.stBadOffsets', { key }));
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataLen) {
    fail(t('runnerErrors.stOffsetsOutside', { key, begin, end, size: dataLen }));
  }
  const unit = DTYPE_BYTES.get(dtype);
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  if (unit !== undefined && count * unit !== end - begin) {
    fail(t('runnerErrors.stSizeMismatch', { key, shape: (shape as number[]).join(', '), dtype, needed: count * unit, given: end - begin }));
  }
  return { dtype, shape: shape as number[], begin, end };
}

function toFloat32(buf: Buffer, at: number, e: SafetensorsEntry, unsupported: () => never): Float32Array {
  const n = (e.end - e.begin) / (DTYPE_BYTES.get(e.dtype) ?? 1);
  const out = new Float32Array(n);
  switch (e.dtype) {
    case 'F32':
      for (let i = 0; i < n; i++) out[i] = buf.readFloatLE(at + 4 * i);
      return out;
    case 'F64':
      for (let i = 0; i < n; i++) out[i] = buf.readDoubleLE(at + 8 * i);
      return out;
    case 'F16':
      for (let i = 0; i < n; i++) out[i] = halfToFloat(buf.readUInt16LE(at + 2 * i));
      return out;
    case 'BF16': {
      // bfloat16 is the top half of a float32.
      const view = new DataView(new ArrayBuffer(4));
      for (let i = 0; i < n; i++) {
        view.setUint32(0, buf.readUInt16LE(at + 2 * i) << 16);
        out[i] = view.getFloat32(0);
      }
      return out;
    }
    default:
      return unsupported();
  }
}

/** IEEE 754 binary16 → number (subnormals, infinities and NaN included). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}
