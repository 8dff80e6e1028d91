// The campaign's harness: runs the BUILT product as a user would (a child process, GNU time for the
// peak memory, a wall-clock timeout and a memory watchdog that kill the whole process group) and
// checks what every hostile case must hold: the exit status, no stack trace or V8 abort, no raw control
// character on stdout/stderr, no secret or file content echoed, a time and a memory bound.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The product under test: this checkout, or another build given by CNNSHAPE_ROOT (to compare two builds). */
export const ROOT = process.env.CNNSHAPE_ROOT ?? new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const BIN = join(ROOT, 'bin', 'cnnshape.js');
/** Put in every child's environment: it must never come back in any output. */
export const SECRET = `HOSTILE_SECRET_${process.pid}_7f3a`;
/** Strings whose appearance in output means a file's content was echoed. */
export const ECHO_MARKERS = [SECRET, 'root:x:0:0', 'daemon:x:1:1'];

// Raw C0 (but \n and \t), DEL and C1: what a terminal would act on.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const STACK = /(\n\s+at [^\n]*:\d+:\d+\)?\n)|FATAL ERROR|Native stack trace|node:internal|Error: Error:|TypeError|RangeError: Maximum call stack|JavaScript heap out of memory|UnhandledPromiseRejection/;

export function tempDir(prefix = 'cnnshape-hostile-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid) {
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
    stack.push(...childPids(p));
  }
  return kb / 1024;
}

/**
 * Runs `node bin/cnnshape.js ...args` under /usr/bin/time. `tty`: through script(1), so that stdout and
 * stderr are a terminal (the progress bar). Returns the streams, the status, the time and the peak RSS.
 */
export function runCli(args, opts = {}) {
  const { lang } = opts;
  return runProcess([BIN, ...(lang ? ['--lang', lang] : []), ...args], opts);
}

/** `node ...args` (a helper script of the campaign) under the same watch. */
export function runNode(args, timeoutMs) {
  return runProcess(args, { timeoutMs });
}

function runProcess(nodeArgs, opts) {
  const { cwd = ROOT, timeoutMs = 20_000, killMb = 3000, env = {}, tty = false } = opts;
  const timeFile = join(tempDir('cnnshape-time-'), 'rss');
  let cmd = '/usr/bin/time';
  let cmdArgs = ['-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs];
  if (tty) {
    const quoted = [cmd, ...cmdArgs].map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');
    cmd = '/usr/bin/script';
    cmdArgs = ['-qfec', quoted, '/dev/null'];
  }
  const started = Date.now();
  const child = spawn(cmd, cmdArgs, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', HOSTILE_SECRET: SECRET, COLUMNS: '100', ...env },
  });
  let stdout = '';
  let stderr = '';
  const cap = 4 << 20;
  child.stdout.on('data', (d) => {
    if (stdout.length < cap) stdout += d.toString('latin1');
  });
  child.stderr.on('data', (d) => {
    if (stderr.length < cap) stderr += d.toString('latin1');
  });
  let killed = null;
  let watchPeak = 0;
  const kill = (why) => {
    if (killed) return;
    killed = why;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const timer = setTimeout(() => kill('timeout'), timeoutMs);
  const watch = setInterval(() => {
    const mb = treeRssMb(child.pid);
    watchPeak = Math.max(watchPeak, mb);
    if (mb > killMb) kill('memory');
  }, 100);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      let rssMb = watchPeak;
      try {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        if (kb > 0) rssMb = Math.max(rssMb, kb / 1024);
      } catch {
        /* killed before time wrote it */
      }
      rmSync(join(timeFile, '..'), { recursive: true, force: true });
      // Bytes as UTF-8 again (latin1 kept every byte while capturing).
      const text = (s) => Buffer.from(s, 'latin1').toString('utf8');
      resolve({ code: killed ? null : code, signal, killed, stdout: text(stdout), stderr: text(stderr), ms: Date.now() - started, rssMb });
    });
  });
}

/** The problems with a finished run, given what the case expects; [] when it passed. */
export function judge(r, expect = {}) {
  const problems = [];
  const { exit = [0, 1, 2], maxMs = 10_000, maxRssMb = 400, tty = false, stdout, stderr, output, notOutput, echoes = [] } = expect;
  if (r.killed) problems.push(`killed (${r.killed})`);
  else if (!exit.includes(r.code)) problems.push(`exit ${r.code}${r.signal ? ` (${r.signal})` : ''}, expected ${exit.join('/')}`);
  const all = `${r.stdout}\n${r.stderr}`;
  const stack = STACK.exec(all);
  if (stack) problems.push(`crash text: ${JSON.stringify(stack[0].trim().slice(0, 80))}`);
  if (r.ms > maxMs) problems.push(`${r.ms} ms > ${maxMs} ms`);
  if (r.rssMb > maxRssMb) problems.push(`${r.rssMb.toFixed(0)} MB > ${maxRssMb} MB`);
  // On a terminal the progress bar may use \r and erase-line (ESC [ K); nothing else.
  const scrubbed = tty ? all.replace(/\r|\u001b\[[0-9]*K|\u001b\[\?25[lh]/g, '') : all;
  const ctl = RAW_CONTROL.exec(scrubbed);
  if (ctl) problems.push(`raw control U+${ctl[0].charCodeAt(0).toString(16).padStart(4, '0')} in output near ${JSON.stringify(scrubbed.slice(Math.max(0, ctl.index - 20), ctl.index + 10))}`);
  for (const m of [...ECHO_MARKERS, ...echoes]) if (all.includes(m)) problems.push(`echoed ${JSON.stringify(m.slice(0, 30))}`);
  const want = (re, text, where) => {
    if (re && !re.test(text)) problems.push(`${where} lacks ${re}: ${JSON.stringify(text.slice(0, 160))}`);
  };
  want(stdout, r.stdout, 'stdout');
  want(stderr, r.stderr, 'stderr');
  want(output, all, 'output');
  if (notOutput && notOutput.test(all)) problems.push(`output has ${notOutput}: ${JSON.stringify(all.slice(0, 160))}`);
  return problems;
}

export function listDir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
