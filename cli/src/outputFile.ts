// Writing the commands' output files (export --onnx/--pytorch, graph --svg/--png/--dot): regular files
// only, opened without blocking (a FIFO without a reader fails at once instead of hanging), checked
// once open, and every failure (no such folder, no permission, disk full) a usage error that names the
// file and the reason, never an internal error with a stack trace.
import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { t } from '../../core/src/index';
import { UsageError } from './errors';

/** Writes `bytes` to `out` (created or truncated); `flag` names the option in messages. */
export function writeOutputFile(out: string, bytes: Uint8Array, flag: string): void {
  let fd: number;
  try {
    fd = openSync(out, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NONBLOCK ?? 0), 0o666);
  } catch (e) {
    throw cannotWrite(e, out, flag);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UsageError(t('cli.exportNotRegular', { flag, file: out }));
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (e) {
    throw e instanceof UsageError ? e : cannotWrite(e, out, flag);
  } finally {
    closeSync(fd);
  }
}

function cannotWrite(e: unknown, file: string, flag: string): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  if (!code) throw e; // not a file system error: a bug, reported as one
  return new UsageError(t('cli.cannotWrite', { flag, file, code }));
}
