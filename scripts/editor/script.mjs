// The frame the screenshot scripts share: a timed step log, one way out (finish: a picture of the
// failure, the editor stopped, the process ended with the code) that the time limit and Ctrl+C take too
// (guard.mjs), and the editor started on a copy of samples/ with this folder's extension loaded unpackaged.
//   const s = editorScript('graph-shots', { failedShot: 'graph-failed' });
//   await s.run(async () => { editor = await s.start(); ...; s.step('done'); });
import { join } from 'node:path';
import { flag, opt } from './args.mjs';
import { REPO_ROOT, screenshot, startEditor, stop } from './editor.mjs';
import { guard } from './guard.mjs';

/**
 * @param {string} tag the log's prefix, e.g. 'graph-shots'
 * @param {object} [o]
 * @param {string} [o.failedShot] the picture taken when the script fails (none without)
 * @param {number} [o.timeoutSec=300] the time limit when no --timeout is given
 * @param {() => void} [o.cleanup] runs after the editor has stopped
 */
export function editorScript(tag, { failedShot, timeoutSec = 300, cleanup } = {}) {
  const t0 = Date.now();
  let finished = false;
  const s = {
    /** The editor, once start() has returned it. */
    editor: undefined,
    step(msg) {
      console.log(`[${tag}] ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${msg}`);
    },
    async finish(code, message) {
      if (finished) return;
      finished = true;
      if (message) console.error(message);
      if (code !== 0 && failedShot && s.editor?.page) await screenshot(s.editor, failedShot).catch(() => undefined);
      await stop(s.editor).catch(() => undefined);
      cleanup?.();
      process.exit(code);
    },
    /** startEditor() on a copy of samples/ with this extension, 1600 × 1000, its logs shown only with --verbose; `opts` override. */
    async start(opts = {}) {
      s.editor = await startEditor({
        workspace: join(REPO_ROOT, 'samples'),
        extensionDevelopmentPath: REPO_ROOT,
        viewport: { width: 1600, height: 1000 },
        ...opts,
        verbose: flag('--verbose'),
        onLog: flag('--verbose') ? undefined : () => {},
      });
      return s.editor;
    },
    /** Runs the script's body, then finishes with the code it returns (0 without), or 1 with the error. */
    async run(body) {
      try {
        await s.finish((await body()) ?? 0);
      } catch (err) {
        await s.finish(1, `[${tag}] ERROR: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
      }
    },
  };
  guard(tag, Number(opt('--timeout', String(timeoutSec))), s.finish).unref();
  return s;
}

export function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
}
