// What every editor script does first: stop at a time limit (exit 124) or a signal (130) through its
// own `finish`, and exit 3 with the install hint when code-server or Chromium is missing.
import { EditorDepsMissing, checkEditorDeps } from './editor.mjs';

/** Returns the time-limit timer (the caller may unref or clear it). */
export function guard(tag, timeoutSec, finish, timeoutMessage = `timed out after ${timeoutSec} s`) {
  const timer = setTimeout(() => void finish(124, `[${tag}] ERROR: ${timeoutMessage}`), timeoutSec * 1000);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void finish(130, `[${tag}] ${sig}`));
  try {
    checkEditorDeps();
  } catch (err) {
    if (err instanceof EditorDepsMissing) {
      console.error(`[${tag}] ERROR: ${err.message}`);
      process.exit(3);
    }
    throw err;
  }
  return timer;
}
