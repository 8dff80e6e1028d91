// Reading the user's files (model text, labels, weights, images) safely: only regular files, never more
// than a stated size per kind. A FIFO is opened without blocking (O_NONBLOCK) and refused after fstat on
// the opened descriptor, so it can neither hang the open nor be swapped in between a check and the read;
// /dev/zero and friends are refused the same way. The size limit is enforced while reading (procfs files
// say 0 bytes and a file may grow), so no read grows past it.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_MODEL_BYTES, t, type MessageId } from '../../../core/src/index';

/** The kinds of file the tools read, each with its own size limit. */
export type FileKind = 'model' | 'labels' | 'weights' | 'image';

/** Largest file of each kind, in bytes (weights: see weights/safetensors.ts for the memory check too). */
export const MAX_FILE_BYTES: Record<FileKind, number> = {
  model: MAX_MODEL_BYTES, // the checker's own limit (8 MB), so the CLI and the editor refuse alike
  labels: 16 * 1024 * 1024,
  weights: 4 * 1024 * 1024 * 1024,
  image: 64 * 1024 * 1024,
};

const KIND_PLURAL: Record<FileKind, MessageId> = { model: 'runnerErrors.kindModel', labels: 'runnerErrors.kindLabels', weights: 'runnerErrors.kindWeights', image: 'runnerErrors.kindImage' };
const NO_SUCH: Record<FileKind, MessageId> = { model: 'runnerErrors.noSuchFile', labels: 'runnerErrors.noSuchFile', weights: 'runnerErrors.noSuchWeightsFile', image: 'runnerErrors.noSuchFile' };

/** Why a file was not read; `message` names the file and the reason (never its content). */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

function kindOfSpecial(st: Stats): string {
  if (st.isDirectory()) return t('runnerErrors.aDirectory');
  if (st.isFIFO()) return t('runnerErrors.aFifo');
  if (st.isCharacterDevice()) return t('runnerErrors.aCharDevice');
  if (st.isBlockDevice()) return t('runnerErrors.aBlockDevice');
  if (st.isSocket()) return t('runnerErrors.aSocket');
  return t('runnerErrors.aSpecialFile');
}

function openError(e: unknown, kind: FileKind): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t(NO_SUCH[kind]);
  if (code === 'EISDIR') return t('runnerErrors.isDirectory');
  return t('runnerErrors.cannotOpen', { code: code ?? 'error' });
}

export function mb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} bytes`;
}

export interface ReadRegularOptions {
  /** Overrides the kind's limit (a smaller memory budget, a test). */
  maxBytes?: number;
}

/** Opens a regular file for reading; throws FileRefused for anything else. The caller closes the fd. */
export function openRegular(file: string, kind: FileKind): { fd: number; size: number } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. No effect on files.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileRefused(file, openError(e, kind));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileRefused(file, t('runnerErrors.notRegular', { what: kindOfSpecial(st), kinds: t(KIND_PLURAL[kind]) }));
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** The whole content of a regular file of at most the kind's size limit. */
export function readRegularFile(file: string, kind: FileKind, opts: ReadRegularOptions = {}): Buffer {
  const max = opts.maxBytes ?? MAX_FILE_BYTES[kind];
  const tooLarge = () => new FileRefused(file, t('runnerErrors.tooLarge', { limit: mb(max), kinds: t(KIND_PLURAL[kind]) }));
  const { fd, size } = openRegular(file, kind);
  try {
    if (size > max) throw tooLarge();
    // Read to the end, whatever the size said (procfs says 0), but never past the limit.
    let buf = Buffer.alloc(Math.min(max + 1, Math.max(size, 4096)));
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (buf.length > max) throw tooLarge();
        const bigger = Buffer.alloc(Math.min(max + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const r = readSync(fd, buf, got, buf.length - got, got);
      if (r === 0) break;
      got += r;
    }
    if (got > max) throw tooLarge();
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
