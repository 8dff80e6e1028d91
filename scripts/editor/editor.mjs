// A real VS Code (code-server 4.100.3, which embeds Code 1.100.3) driven by headless Debian Chromium through
// playwright-core, for the editor tests. Offline: nothing is downloaded; install the pieces once with
//   bash scripts/install-editor-test-deps.sh
//
// API (each function takes the handle startEditor() returns):
//   const ed = await startEditor({ workspace: 'samples', vsix: ['x.vsix'] });
//   await openFile(ed, 'net.cnn.yaml');             // quick open (Ctrl+P), waits for the text editor
//   await waitFor(ed, '.squiggly-error');           // any CSS selector, visible
//   const text = await hover(ed, '.squiggly-error'); // mouse over it, returns the hover's text
//   await runCommand(ed, 'CNN Shape: Explain');     // F1, type the title, Enter
//   await screenshot(ed, 'after-hover');            // out/screenshots/after-hover.png
//   await stop(ed);                                 // browser closed, code-server killed, temp dirs removed
// Extension tests (the @vscode/test-electron run() contract): pass extensionDevelopmentPath and
// extensionTestsPath to startEditor(); `ed.exitCode` resolves with the code the extension host exits with.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'out', 'screenshots');
const INSTALL_HINT = 'run: bash scripts/install-editor-test-deps.sh';

/** Where install-editor-test-deps.sh puts code-server (same default, same variable). */
export function editorDir() {
  return process.env.CNNSHAPE_EDITOR_DIR || join(homedir(), '.cache', 'cnn-shape', `code-server-${CODE_SERVER_VERSION}`);
}

export function chromiumPath() {
  return process.env.CNNSHAPE_CHROMIUM || '/usr/bin/chromium';
}

export class EditorDepsMissing extends Error {}

/** Throws EditorDepsMissing (with the install command in the message) unless code-server and Chromium are there. */
export function checkEditorDeps() {
  const entry = join(editorDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const vscodeDeps = join(editorDir(), 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'node-pty');
  const missing = [];
  if (!existsSync(entry)) missing.push(`code-server ${CODE_SERVER_VERSION} (${entry})`);
  else if (!existsSync(vscodeDeps)) missing.push(`code-server's VS Code modules (its postinstall did not run: ${vscodeDeps})`);
  if (!existsSync(chromiumPath())) missing.push(`Chromium (${chromiumPath()})`);
  if (Number(process.versions.node.split('.')[0]) !== 20) missing.push(`Node 20 (this is ${process.version})`);
  if (missing.length > 0) {
    throw new EditorDepsMissing(`editor test dependencies missing:\n  - ${missing.join('\n  - ')}\n${INSTALL_HINT}`);
  }
  return { entry };
}

/** Settings of the fresh user-data-dir: without them a workspace-trust dialog and welcome pages block the UI. */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'window.restoreWindows': 'none',
};

/** Chromium flags (playwright adds its own automation flags). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Environment for code-server and its extension host: HOME/XDG under the temp folder, no inherited VS Code variables. */
function editorEnv(tmp, extra) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  Object.assign(env, {
    HOME: join(tmp, 'home'),
    XDG_CONFIG_HOME: join(tmp, 'home', '.config'),
    XDG_DATA_HOME: join(tmp, 'home', '.local', 'share'),
    XDG_CACHE_HOME: join(tmp, 'home', '.cache'),
    // No extension gallery: offline, and the tests must not depend on one (code-server reads this JSON).
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  });
  return env;
}

function codeServerArgs(dirs) {
  return [
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', join(dirs.tmp, 'code-server.yaml'),
  ];
}

/**
 * Installs a packaged extension into a fresh extensions dir (`code-server --install-extension X.vsix`).
 * startEditor({ vsix }) calls it; exported for scripts that prepare a dir themselves.
 */
export function installVsix(entry, dirs, env, vsixPath) {
  const r = spawnSync(process.execPath, [entry, ...codeServerArgs(dirs), '--install-extension', resolve(vsixPath)], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsixPath} failed (exit ${r.status}):\n${out}`);
  }
  return out;
}

/**
 * Starts code-server on a free 127.0.0.1 port with fresh user-data, extensions, HOME and XDG dirs, and opens the
 * workspace in headless Chromium.
 * @param {object} opts
 * @param {string} opts.workspace folder to open (copied to a temp folder unless copyWorkspace is false)
 * @param {boolean} [opts.copyWorkspace=true]
 * @param {string} [opts.extensionDevelopmentPath] folder of an extension to load unpackaged (its package.json)
 * @param {string} [opts.extensionTestsPath] bundled suite index.js exporting run(); the run's exit code arrives in ed.exitCode
 * @param {string[]} [opts.vsix] packaged extensions to install first
 * @param {Record<string, unknown>} [opts.settings] user settings, merged over DEFAULT_SETTINGS
 * @param {Record<string, string>} [opts.env] extra environment for code-server and the extension host
 * @param {string} [opts.locale] VS Code's display language (`--locale`, e.g. 'zh-cn'): vscode.env.language and
 *   the language server's `initialize` locale follow it (the workbench's own texts need a language pack)
 * @param {(type: string, args: unknown[]) => void} [opts.onLog] receives codeAutomationLog calls (default: to stdout)
 * @param {boolean} [opts.verbose] also print code-server's output and the page's console
 * @param {{width: number, height: number}} [opts.viewport]
 * @param {boolean} [opts.waitForWorkbench=true] resolve only once the workbench UI is shown
 * @param {number} [opts.startTimeoutMs=60000]
 */
export async function startEditor(opts) {
  const { entry } = checkEditorDeps();
  const t0 = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'cnn-shape-editor-'));
  const dirs = {
    tmp,
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    workspace: join(tmp, 'workspace'),
    serverLog: join(tmp, 'code-server.log'),
  };
  const ed = { tmp, dirs, t0, server: undefined, browser: undefined, page: undefined, port: 0, url: '', exitCode: undefined, stopped: false };
  live.add(ed);
  // stop()/stopAll() may run while this is still starting (a timeout): bail out at the next step.
  const alive = () => {
    if (ed.stopped) throw new Error('editor stopped while starting');
  };
  try {
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    mkdirSync(dirs.extensions, { recursive: true });
    mkdirSync(join(tmp, 'home', '.config'), { recursive: true });
    writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2));
    if (opts.copyWorkspace === false) dirs.workspace = resolve(opts.workspace);
    else cpSync(resolve(opts.workspace), dirs.workspace, { recursive: true });
    const env = editorEnv(tmp, opts.env);

    for (const v of opts.vsix ?? []) {
      const ti = Date.now();
      const out = installVsix(entry, dirs, env, v);
      const line = out.split('\n').filter((l) => /install/i.test(l)).pop() ?? out;
      console.log(`[editor] ${line} (${((Date.now() - ti) / 1000).toFixed(1)} s)`);
    }

    ed.port = await freePort();
    alive();
    const log = createWriteStream(dirs.serverLog);
    const server = spawn(
      process.execPath,
      [
        entry,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${ed.port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--disable-proxy',
        '--ignore-last-opened',
        ...(opts.locale ? ['--locale', opts.locale] : []),
        ...codeServerArgs(dirs),
      ],
      { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    ed.server = server;
    for (const s of [server.stdout, server.stderr]) {
      s.pipe(log, { end: false });
      if (opts.verbose) s.on('data', (d) => process.stdout.write(`[code-server] ${d}`));
    }
    let serverExit;
    const exited = new Promise((r) => server.on('exit', (code, signal) => r((serverExit = { code, signal }))));

    // Ready when /healthz answers.
    const base = `http://127.0.0.1:${ed.port}`;
    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    for (;;) {
      if (serverExit) throw new Error(`code-server exited early (${JSON.stringify(serverExit)}):\n${tail(dirs.serverLog)}`);
      try {
        const r = await fetch(`${base}/healthz`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} in time:\n${tail(dirs.serverLog)}`);
      await Promise.race([sleep(200), exited]);
      alive();
    }
    ed.tReady = Date.now();

    const remote = (p) => `vscode-remote://127.0.0.1:${ed.port}${resolve(p)}`;
    const payload = [['skipWelcome', 'true']];
    if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)]);
    if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
    ed.url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    ed.browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    alive();
    const context = await ed.browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    ed.page = page;
    const onLog = opts.onLog ?? ((type, args) => defaultLog(type, args, opts.verbose));
    let resolveExit;
    ed.exitCode = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => onLog(type, args));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    if (opts.verbose) page.on('console', (m) => console.log(`[page:${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.goto(ed.url);
    alive();
    if (opts.waitForWorkbench !== false) {
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout: opts.startTimeoutMs ?? 60_000 });
      await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 30_000 });
    }
    ed.tOpen = Date.now();
    return ed;
  } catch (err) {
    await stop(ed);
    throw err;
  }
}

/** Waits for a CSS selector to be visible (state: 'visible' | 'attached' | 'hidden'); returns the element. */
export async function waitFor(ed, selector, { timeout = 30_000, state = 'visible' } = {}) {
  return ed.page.waitForSelector(selector, { timeout, state });
}

/** Opens a file of the workspace through quick open (Ctrl+P) and waits until its text editor is active. */
export async function openFile(ed, relPath, { timeout = 30_000 } = {}) {
  const page = ed.page;
  const name = basename(relPath);
  await page.keyboard.press('Control+P');
  const input = await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout });
  await input.fill(relPath);
  await page.waitForSelector(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="${cssString(name)}"]`, { timeout });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab.active[data-resource-name="${cssString(name)}"]`, { timeout });
  await page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines', { timeout });
}

/**
 * Moves the mouse over the first element matching the selector (decorations such as .squiggly-error sit
 * under the text, so this moves the mouse rather than clicking through Playwright's actionability checks)
 * and returns the text of the hover that appears.
 */
export async function hover(ed, selector, { timeout = 30_000 } = {}) {
  const page = ed.page;
  const deadline = Date.now() + timeout;
  const shown = '.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content';
  let h = null;
  // Lines can move after the mouse does (a code lens arriving late pushes the layer down, and the mouse
  // then rests on the line above): find the element again and move to it until a hover shows.
  while (!h) {
    const el = await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
    const box = await el.boundingBox();
    if (!box) throw new Error(`${selector} has no box`);
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const wait = Math.min(5_000, deadline - Date.now());
    if (wait <= 0) throw new Error(`no hover over ${selector} within ${timeout} ms`);
    h = await page.waitForSelector(shown, { timeout: wait }).catch(() => null);
  }
  await page.waitForFunction((e) => (e.textContent ?? '').trim().length > 0, h, { timeout });
  await sleep(200); // the hover grows as its parts render
  return (await h.innerText()).trim();
}

/** Runs a command from the palette: F1, type its title, wait until it is listed, Enter. */
export async function runCommand(ed, title, { timeout = 30_000 } = {}) {
  const page = ed.page;
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout });
  await input.fill(`>${title}`);
  await page.waitForFunction(
    (t) => {
      const row = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row');
      return !!row && (row.getAttribute('aria-label') ?? row.textContent ?? '').toLowerCase().includes(t.toLowerCase());
    },
    title,
    { timeout },
  );
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout });
}

/** Saves a PNG of the page to out/screenshots/NAME.png (or dir/NAME.png) and returns its path. */
export async function screenshot(ed, name, { dir = SCREENSHOT_DIR } = {}) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name.endsWith('.png') ? name : `${name}.png`);
  await ed.page.screenshot({ path });
  return path;
}

/** Editors started and not yet stopped (stopAll() ends them, also while one is still starting). */
const live = new Set();

/** Stops every editor of this process, including one whose startEditor() has not returned yet. */
export async function stopAll(options) {
  await Promise.all([...live].map((ed) => stop(ed, options)));
}

/**
 * Closes the browser, ends code-server's process group, removes the temp folder (unless keep).
 * Safe to call more than once, and while startEditor() is still running.
 */
export async function stop(ed, { keep = !!process.env.CNNSHAPE_KEEP_EDITOR_TMP } = {}) {
  if (!ed) return;
  ed.stopped = true;
  live.delete(ed);
  if (ed.browser) await ed.browser.close().catch(() => {});
  const server = ed.server;
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((r) => server.once('exit', r));
    const kill = (sig) => {
      try {
        process.kill(-server.pid, sig); // the group: code-server, its server child and extension hosts
      } catch {
        try {
          server.kill(sig);
        } catch {
          /* already gone */
        }
      }
    };
    kill('SIGTERM');
    const t = setTimeout(() => kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
    // Children that outlive the leader would still be in the group.
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* group empty */
    }
  }
  if (keep) {
    if (!ed.keptReported) console.error(`[editor] kept ${ed.tmp} (code-server log: ${ed.dirs.serverLog})`);
    ed.keptReported = true;
  } else if (ed.tmp) rmSync(ed.tmp, { recursive: true, force: true });
}

// Workbench start-up chatter that arrives through codeAutomationLog with the suite's output; shown with verbose.
const CHATTER = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Started local extension host/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Creation of workbench contribution '.*' took \d+ms/,
];

/** codeAutomationLog(type, args): args are console-style (a format string first), as the extension host logged them. */
function defaultLog(type, args, verbose) {
  const list = Array.isArray(args) ? args : [args];
  const line = typeof list[0] === 'string' ? format(...list) : list.map((a) => format('%o', a)).join(' ');
  if (!verbose && CHATTER.some((re) => re.test(line))) return;
  (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

function cssString(s) {
  return s.replace(/["\\]/g, '\\$&');
}
