// A bare LSP client for the campaign: starts `node bin/cnnshape.js lsp --stdio` (the built product)
// under /usr/bin/time, sends what a hostile editor or fuzzer would, times every request, and checks the
// server still answers a normal request afterwards.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, SECRET, tempDir, treeRssMb } from './harness.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const rpc = require('vscode-languageserver-protocol/node');

const CAPABILITIES = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    inlayHint: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    codeLens: {},
  },
  workspace: { configuration: true },
};

export const PROBE_URI = 'file:///probe/probe.cnn.yaml';
const PROBE_TEXT = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3}\n';

export class Lsp {
  constructor({ locale = 'en', killMb = 3000 } = {}) {
    this.timeFile = join(tempDir('cnnshape-time-'), 'rss');
    this.proc = spawn('/usr/bin/time', ['-f', '%M', '-o', this.timeFile, process.execPath, BIN, 'lsp', '--stdio'], {
      cwd: ROOT,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, HOSTILE_SECRET: SECRET },
    });
    this.locale = locale;
    this.stderr = '';
    this.published = [];
    this.waiters = [];
    this.peakMb = 0;
    this.killed = null;
    this.proc.stderr.on('data', (d) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.proc.on('close', (code, signal) => resolve({ code, signal })));
    this.alive = true;
    this.exited.then(() => (this.alive = false));
    this.conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/inlayHint/refresh', () => null);
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onError(() => {});
    this.conn.onClose(() => (this.alive = false));
    this.conn.listen();
    this.watch = setInterval(() => {
      const mb = treeRssMb(this.proc.pid);
      this.peakMb = Math.max(this.peakMb, mb);
      if (mb > killMb) this.kill('memory');
    }, 100);
  }

  kill(why) {
    if (!this.killed) this.killed = why;
    try {
      process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }

  async initialize() {
    await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, workspaceFolders: null, locale: this.locale }, 15_000);
    await this.conn.sendNotification('initialized', {});
  }

  /** The answer, or {error} for a ResponseError, or {timeout} after `ms`. */
  async request(method, params, ms = 10_000) {
    const started = Date.now();
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), ms)));
    const answer = this.conn.sendRequest(method, params).then(
      (result) => ({ result }),
      (error) => ({ error: { code: error.code, message: String(error.message) } }),
    );
    const r = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    return { ...r, ms: Date.now() - started };
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  open(uri, text, version = 1) {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: uri.endsWith('.json') ? 'cnn-json' : 'cnn-yaml', version, text } });
  }

  change(uri, version, text) {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The first publication for `uri` at `version` (or any), or null after `ms`. */
  async diagnostics(uri, version, ms = 15_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0 || !this.alive) return null;
      await new Promise((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Whether the server still answers: a fresh document's diagnostics and a hover, each within 5 s. */
  async stillAnswers() {
    if (!this.alive) return 'the server exited';
    const uri = `${PROBE_URI}.${this.published.length}.${Date.now()}.cnn.yaml`;
    await this.open(uri, PROBE_TEXT);
    const d = await this.diagnostics(uri, 1, 8000);
    if (!d) return 'no diagnostics for a fresh document afterwards';
    const h = await this.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 14 } }, 8000);
    if (h.timeout) return 'hover afterwards timed out';
    if (h.error) return `hover afterwards failed: ${h.error.message}`;
    return null;
  }

  async close() {
    clearInterval(this.watch);
    let code = null;
    if (this.alive) {
      await this.request('shutdown', null, 5000);
      await this.notify('exit', null);
      const r = await Promise.race([this.exited, new Promise((resolve) => setTimeout(() => resolve(null), 5000))]);
      if (!r) this.kill('did not exit');
      else code = r.code;
    }
    await this.exited;
    this.conn.dispose();
    let rss = this.peakMb;
    try {
      rss = Math.max(rss, Number(readFileSync(this.timeFile, 'utf8').trim().split('\n').pop()) / 1024 || 0);
    } catch {
      /* killed */
    }
    rmSync(join(this.timeFile, '..'), { recursive: true, force: true });
    return { code, rssMb: rss };
  }
}
