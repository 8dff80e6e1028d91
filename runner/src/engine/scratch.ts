// The scratch folder of a run (onnxruntime's profile and debug files go there, engine/client.ts removes
// it when the worker has stopped). Its name carries the process id, so that a folder left by a process
// killed outright (SIGKILL, an editor closed hard) is removed by the next run on this machine.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'cnnshape-run-';
const OWNED = /^cnnshape-run-(\d+)-/;

/** A new scratch folder of this process; the folders of processes that are gone are removed first. */
export function makeScratchDir(): string {
  removeOrphans();
  return mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

function removeOrphans(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
