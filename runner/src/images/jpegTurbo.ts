// JPEG decoding by libjpeg itself: libjpeg-turbo 2.0.4's TurboJPEG API built to WebAssembly (the .wasm
// of @cwasm/jpeg-turbo; its own JavaScript is not used). Pixels are then those of PIL, torchvision and
// browsers to the bit: the same inverse DCT, chroma upsampling and fixed-point colour conversion.
//
// Memory: the module is compiled once per thread, on the first JPEG. Small images share one instance and
// are copied out; an image needing more than SHARED_LIMIT gets an instance of its own whose memory is the
// image's pixels (no copy), so it goes away with the image instead of keeping the shared memory grown.
// The .wasm sits next to the bundle (dist/, copied by scripts/build.mjs) or, from source, in its package.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WASM_FILE = 'jpeg-turbo.wasm';
const TJPF_RGBA = 7;
const TJCS_CMYK = 3;
const TJCS_YCCK = 4;
/** Bytes of work (input, pixels, coefficients) above which an image is decoded in an instance of its own. */
export const SHARED_LIMIT = 16 * 2 ** 20;

/** What is used of the WebAssembly API (Node has it all; @types/node 20 declares none of it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, (...args: number[]) => number>>) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface TurboJpeg {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  tjInitDecompress(): number;
  tjDestroy(handle: number): number;
  tjDecompressHeader3(handle: number, src: number, size: number, width: number, height: number, subsamp: number, colorspace: number): number;
  tjDecompress2(handle: number, src: number, size: number, dst: number, width: number, pitch: number, height: number, pixelFormat: number, flags: number): number;
}

/** libjpeg stopped with an error (its longjmp), or the instance failed: no picture. Never shown to users (decode.ts goes on with jpeg-js). */
export class LibjpegFailed extends Error {}

export interface LibjpegImage {
  width: number;
  height: number;
  /** width·height·4 bytes, R G B A. */
  data: Uint8Array;
  /** libjpeg warned (corrupt data it decoded around, as PIL accepts). */
  warned: boolean;
}

let compiled: object | undefined;
let shared: TurboJpeg | undefined;

function wasmPath(): string {
  const beside = join(__dirname, WASM_FILE);
  return existsSync(beside) ? beside : require.resolve(`@cwasm/jpeg-turbo/${WASM_FILE}`);
}

function instantiate(): TurboJpeg {
  compiled ??= new wasm.Module(readFileSync(wasmPath()));
  const made: { memory?: { buffer: ArrayBuffer } } = {};
  const fail = (): never => {
    throw new LibjpegFailed('longjmp'); // never shown: decode.ts falls back to jpeg-js
  };
  // libjpeg's setjmp/longjmp: an error jumps out of the instance for good (it is then dropped).
  const env = { setjmp: () => 0, longjmp: fail };
  // The few system calls the C library links; nothing is printed or read.
  const wasi = {
    environ_sizes_get: (count: number, size: number) => {
      const view = made.memory && new DataView(made.memory.buffer);
      view?.setUint32(count, 0, true);
      view?.setUint32(size, 0, true);
      return 0;
    },
    environ_get: () => 0,
    proc_exit: fail,
    fd_close: () => 8,
    fd_seek: () => 8,
    fd_write: () => 8,
  };
  const exports = new wasm.Instance(compiled, { env, wasi_snapshot_preview1: wasi }).exports as TurboJpeg;
  made.memory = exports.memory;
  return exports;
}

/**
 * Decodes `bytes` to RGBA, or returns undefined for what libjpeg cannot turn into RGB (CMYK, YCCK).
 * `work`: an estimate of the bytes the decoding needs, which decides between the shared instance and
 * one of its own. Throws LibjpegFailed when libjpeg gives up.
 */
export function decodeWithLibjpeg(bytes: Uint8Array, work: number): LibjpegImage | undefined {
  const own = work > SHARED_LIMIT;
  const x = own ? instantiate() : (shared ??= instantiate());
  try {
    return decodeIn(x, bytes, own);
  } catch (e) {
    if (!own) shared = undefined; // its stack and heap are in an unknown state after a jump out
    throw e instanceof LibjpegFailed ? e : new LibjpegFailed(String(e));
  }
}

/** The shared instance's memory in bytes (0 before the first JPEG), for tests. */
export function sharedMemoryBytes(): number {
  return shared?.memory.buffer.byteLength ?? 0;
}

function decodeIn(x: TurboJpeg, bytes: Uint8Array, own: boolean): LibjpegImage | undefined {
  const src = alloc(x, bytes.length);
  new Uint8Array(x.memory.buffer, src, bytes.length).set(bytes);
  const handle = x.tjInitDecompress();
  const info = alloc(x, 16);
  if (handle === 0 || x.tjDecompressHeader3(handle, src, bytes.length, info, info + 4, info + 8, info + 12) !== 0) throw new LibjpegFailed('header');
  const [width = 0, height = 0, , colorspace] = new Int32Array(x.memory.buffer, info, 4);
  x.free(info);
  if (colorspace === TJCS_CMYK || colorspace === TJCS_YCCK) {
    x.tjDestroy(handle);
    x.free(src);
    return undefined;
  }
  const size = width * height * 4;
  const dst = alloc(x, size);
  // Flags 0: libjpeg's defaults, as PIL's (accurate integer DCT, fancy upsampling). -1 without a jump is a warning.
  const warned = x.tjDecompress2(handle, src, bytes.length, dst, width, width * 4, height, TJPF_RGBA, 0) !== 0;
  x.tjDestroy(handle);
  x.free(src);
  if (own) return { width, height, data: new Uint8Array(x.memory.buffer, dst, size), warned };
  const data = new Uint8Array(x.memory.buffer, dst, size).slice();
  x.free(dst);
  return { width, height, data, warned };
}

function alloc(x: TurboJpeg, size: number): number {
  const p = x.malloc(size);
  if (p === 0) throw new LibjpegFailed('malloc');
  return p;
}
