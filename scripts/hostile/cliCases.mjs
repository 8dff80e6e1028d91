// Hostile command-line cases: issue 13 part 2, item by item, and the newer surfaces (eval, zh-cn).
import { appendFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { judge, ROOT, runCli, runNode } from './harness.mjs';
import { aliasBomb, bigJpeg, EVIL, EVIL_NAME, fifo, folder, link, mergeChain, png, safetensors, tinyModel, write } from './fixtures.mjs';

/** A case: a name, and a function of a fresh temporary folder that returns the run and its problems. */
function cli(name, make, expect = {}, opts = {}) {
  return {
    name,
    async run(dir) {
      const args = await make(dir);
      const r = await runCli(args, { cwd: dir, tty: expect.tty, lang: opts.lang, timeoutMs: opts.timeoutMs ?? Math.max(20_000, (expect.maxMs ?? 10_000) * 2), env: opts.env });
      const problems = judge(r, expect);
      if (opts.after) problems.push(...opts.after(dir, r));
      return { r, problems };
    },
  };
}

const RUN_MS = 20_000;
const NOT_RUN = { exit: [1, 2], maxMs: 10_000 };

function bombModel(where) {
  const { defs, top } = aliasBomb();
  const body = {
    layers: `${defs}\ninput: 8x8x1\nlayers: ${top}\n`,
    parameters: `${defs}\ninput: 4x4x1\nlayers:\n  - {type: conv, filters: 1, kernel: 1, parameters: {weight: ${top}}}\n`,
    labels: `${defs}\ninput: 4x4x1\nlabels: ${top}\nlayers: [flatten, {type: dense, units: 2}]\n`,
    unused: `${defs}\ninput: 4x4x1\nx-notes: ${top}\nlayers: [relu]\n`,
  };
  return body[where];
}

const STRIDE = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 2147483647}\n  - flatten\n  - {type: dense, units: 2}\n';
const STRIDE_FLOOR = 'input: 32x32x3\nrounding: floor\nlabels: [a, b]\nlayers:\n  - {type: conv, filters: 8, kernel: 3, stride: 2147483647}\n  - flatten\n  - {type: dense, units: 2}\n';
const PADDING = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 4, stride: 3, padding: 200000000}\n';
const HUGE_INPUT = 'input: 1099511627776x1x1\nlayers:\n  - {type: conv, filters: 1, kernel: 3, stride: 2}\n';
const HUGE_KERNEL = 'input: 32x32x3\nlayers:\n  - {type: conv, filters: 8, kernel: 1000000000, stride: 3, padding: 1000000000}\n';

function manyKeys(n = 50_000) {
  const keys = [];
  for (let i = 0; i < n; i++) keys.push(`  k${i}: ${i}`);
  return `input: 8x8x1\nx-many:\n${keys.join('\n')}\nlayers: [relu]\n`;
}

function upsamples(n = 16) {
  return `input: 8x8x1\nlayers:\n${Array(n).fill('  - {type: upsample, scale: 10000}').join('\n')}\n`;
}

function concats() {
  // Each concat doubles the depth of the one before: 1100 of them pass 2^1024 = Infinity.
  const lines = ['input: 4x4x1e300', 'layers:', '  - {name: l0, type: relu}'];
  for (let i = 1; i < 12; i++) lines.push(`  - {name: l${i}, type: concat, inputs: [l${i - 1}, l${i - 1}, l${i - 1}, l${i - 1}, l${i - 1}, l${i - 1}, l${i - 1}, l${i - 1}]}`);
  return lines.join('\n') + '\n';
}

function concatsDeep() {
  const lines = ['input: 4x4x1000000', 'layers:', '  - {name: l0, type: relu}'];
  for (let i = 1; i < 1100; i++) lines.push(`  - {name: l${i}, type: concat, inputs: [l${i - 1}, l${i - 1}]}`);
  return lines.join('\n') + '\n';
}

const NEGATIVE = 'input: 8x8x4\nlayers:\n  - {type: conv, filters: 8, kernel: 10}\n  - flatten\n  - {type: dense, units: 10}\n';
const PROTO_KEYS = 'input: 8x8x1\ntoString: 1\nconstructor: {a: 1}\n__proto__: {polluted: 1}\nlayers:\n  - {type: conv, filters: 2, kernel: 3, toString: 4, constructor: 5, __proto__: 6, hasOwnProperty: 7}\n';
const HOSTILE_NAMES = `input: 8x8x1\nname: "${JSON.stringify(EVIL).slice(1, -1)}"\nlabels: ["${JSON.stringify(EVIL).slice(1, -1)}", b]\nlayers:\n  - {name: "n${JSON.stringify(EVIL).slice(1, -1)}", type: conv, filters: 2, kernel: 3}\n  - {type: "t${JSON.stringify(EVIL).slice(1, -1)}"}\n`;
const HOSTILE_RUNNABLE = `input: 4x4x1\nname: "m${JSON.stringify(EVIL).slice(1, -1)}"\nlabels: ["l${JSON.stringify(EVIL).slice(1, -1)}", "b"]\nlayers:\n  - {name: "c${JSON.stringify(EVIL).slice(1, -1)}", type: conv, filters: 2, kernel: 3}\n  - flatten\n  - {name: d, type: dense, units: 2}\n`;

const INJECTION = `input: 4x4x1\nname: "x'''\\nimport os\\nos.system('touch pwned')\\n'''"\nlayers:\n  - {name: "a\\\"); import os; os.system('touch pwned'); (\\\"", type: conv, filters: 2, kernel: 3}\n  - {name: "b\\nimport os", type: relu}\n  - {name: "__import__('os').system('id')", type: flatten}\n  - {name: "c'''", type: dense, units: 2}\n`;

/** The exported Python parses and runs nothing on import but imports, a class and constants. */
function pythonIsInert(dir) {
  const code = `import ast,sys\nt=ast.parse(open(sys.argv[1]).read())\nbad=[type(n).__name__ for n in t.body if not isinstance(n,(ast.Import,ast.ImportFrom,ast.ClassDef,ast.FunctionDef,ast.Assign,ast.AnnAssign)) and not (isinstance(n,ast.Expr) and isinstance(n.value,ast.Constant)) and not isinstance(n,ast.If)]\nprint(bad)`;
  try {
    const out = execFileSync('python3', ['-c', code, join(dir, 'm.py')], { encoding: 'utf8' }).trim();
    return out === '[]' ? [] : [`top-level statements in the Python: ${out}`];
  } catch (e) {
    return [`the exported Python does not parse: ${String(e.stderr ?? e).split('\n').slice(-2).join(' ')}`];
  }
}

/** An ImageFolder dataset for the tiny model: classes a and b, one 4×4 PNG each. */
function dataset(dir, extra) {
  const root = folder(dir, 'data');
  for (const c of ['a', 'b']) writeFileSync(join(folder(root, c), `${c}.png`), png(4, 4));
  extra?.(root);
  return root;
}

export const CLI_CASES = [
  // Alias bombs and merge keys.
  ...['layers', 'parameters', 'labels', 'unused'].map((w) =>
    cli(`alias-bomb-${w}`, (d) => [ 'check', write(d, 'm.cnn.yaml', bombModel(w)) ], { exit: [1], maxMs: 3000, maxRssMb: 300, output: /syntax/ }),
  ),
  cli('alias-bomb-summary', (d) => ['summary', write(d, 'm.cnn.yaml', bombModel('layers'))], { exit: [1, 2], maxMs: 3000, maxRssMb: 300 }),
  cli('alias-bomb-run', (d) => ['run', write(d, 'm.cnn.yaml', bombModel('labels')), write(d, 'x.png', png(4, 4))], { exit: [1, 2], maxMs: 5000, maxRssMb: 300 }),
  cli('merge-key-chain', (d) => ['check', write(d, 'm.cnn.yaml', `${mergeChain()}\ninput: 8x8x1\nlayers: [relu]\n`)], { exit: [0, 1], maxMs: 3000, maxRssMb: 300 }),
  cli('merge-key-chain-in-layer', (d) => ['check', write(d, 'm.cnn.yaml', `${mergeChain()}\ninput: 8x8x1\nlayers:\n  - {<<: *m39, type: relu}\n`)], { exit: [0, 1], maxMs: 3000, maxRssMb: 300 }),
  // Loops driven by a user's number.
  cli('stride-2147483647-check', (d) => ['check', write(d, 'm.cnn.yaml', STRIDE)], { exit: [1], maxMs: 3000, maxRssMb: 250 }),
  cli('stride-2147483647-summary', (d) => ['summary', write(d, 'm.cnn.yaml', STRIDE)], { exit: [1], maxMs: 3000, maxRssMb: 250 }),
  cli('stride-2147483647-summary-json', (d) => ['summary', '--json', write(d, 'm.cnn.yaml', STRIDE)], { exit: [1], maxMs: 3000, maxRssMb: 250 }),
  cli('stride-2147483647-run-floor', (d) => ['run', write(d, 'm.cnn.yaml', STRIDE_FLOOR), write(d, 'x.png', png(32, 32))], { exit: [0], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('padding-200000000-check', (d) => ['check', write(d, 'm.cnn.yaml', PADDING)], { exit: [1], maxMs: 3000, maxRssMb: 250 }),
  cli('padding-200000000-summary', (d) => ['summary', write(d, 'm.cnn.yaml', PADDING)], { exit: [0, 1], maxMs: 3000, maxRssMb: 250 }),
  cli('padding-200000000-run', (d) => ['run', write(d, 'm.cnn.yaml', PADDING + 'rounding: floor\n'), write(d, 'x.png', png(32, 32))], { exit: [1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('input-2^40-check', (d) => ['check', write(d, 'm.cnn.yaml', HUGE_INPUT)], { exit: [0, 1], maxMs: 3000, maxRssMb: 250 }),
  cli('kernel-1e9-check', (d) => ['check', write(d, 'm.cnn.yaml', HUGE_KERNEL)], { exit: [0, 1], maxMs: 3000, maxRssMb: 250 }),
  cli('kernel-1e9-summary', (d) => ['summary', write(d, 'm.cnn.yaml', HUGE_KERNEL)], { exit: [0, 1], maxMs: 3000, maxRssMb: 250 }),
  // Many keys, size limits.
  cli('50000-keys-check', (d) => ['check', write(d, 'm.cnn.yaml', manyKeys())], { exit: [0, 1], maxMs: 4000, maxRssMb: 400 }),
  cli('60MB-relu-lines-check', (d) => {
    const p = join(d, 'm.cnn.yaml');
    writeFileSync(p, 'input: 8x8x1\nlayers:\n');
    appendFileSync(p, '  - relu\n'.repeat(6_000_000));
    return ['check', p];
  }, { exit: [1, 2], maxMs: 4000, maxRssMb: 300, output: /MB|large|limit/ }),
  cli('60MB-relu-lines-summary', (d) => {
    const p = join(d, 'm.cnn.yaml');
    writeFileSync(p, 'input: 8x8x1\nlayers:\n' + '  - relu\n'.repeat(6_000_000));
    return ['summary', p];
  }, { exit: [1, 2], maxMs: 4000, maxRssMb: 300 }),
  // Special files.
  ...['check', 'summary'].map((c) => cli(`fifo-model-${c}`, (d) => [c, fifo(d, 'm.cnn.yaml')], { ...NOT_RUN, maxMs: 3000, output: /FIFO|pipe|special|regular/i })),
  ...['/dev/zero', '/dev/urandom'].map((dev) => cli(`${dev.slice(5)}-model-check`, (d) => ['check', link(d, 'm.cnn.yaml', dev)], { ...NOT_RUN, maxMs: 3000, maxRssMb: 300 })),
  cli('dev-zero-model-run', (d) => ['run', '/dev/zero', write(d, 'x.png', png(4, 4))], { ...NOT_RUN, maxMs: 5000, maxRssMb: 300 }),
  cli('fifo-weights-option', (d) => ['run', '--weights', fifo(d, 'w.safetensors'), write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { ...NOT_RUN, maxMs: 8000 }),
  cli('fifo-weights-key', (d) => { fifo(d, 'w.safetensors'); return ['run', write(d, 'm.cnn.yaml', tinyModel('weights: w.safetensors\n')), write(d, 'x.png', png(4, 4))]; }, { ...NOT_RUN, maxMs: 8000 }),
  cli('dev-zero-weights-option', (d) => ['run', '--weights', '/dev/zero', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { ...NOT_RUN, maxMs: 8000, maxRssMb: 400 }),
  cli('dev-urandom-weights-option', (d) => ['run', '--weights', '/dev/urandom', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { ...NOT_RUN, maxMs: 8000, maxRssMb: 400 }),
  cli('fifo-image', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), fifo(d, 'x.png')], { exit: [1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('dev-zero-image', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), '/dev/zero'], { exit: [1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('dev-urandom-image-symlink', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), link(d, 'x.png', '/dev/urandom')], { exit: [1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('fifo-labels', (d) => { fifo(d, 'labels.txt'); return ['run', write(d, 'm.cnn.yaml', tinyModel('', 'labels.txt')), write(d, 'x.png', png(4, 4))]; }, { ...NOT_RUN, maxMs: 8000 }),
  cli('dev-zero-labels-symlink', (d) => { link(d, 'labels.txt', '/dev/zero'); return ['run', write(d, 'm.cnn.yaml', tinyModel('', 'labels.txt')), write(d, 'x.png', png(4, 4))]; }, { ...NOT_RUN, maxMs: 8000, maxRssMb: 400 }),
  cli('eval-fifo-image-in-class', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), dataset(d, (root) => fifo(join(root, 'a'), 'f.png'))], { exit: [0, 1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('eval-dev-zero-image-in-class', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), dataset(d, (root) => link(join(root, 'b'), 'z.png', '/dev/zero'))], { exit: [0, 1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('eval-fifo-class-folder', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), dataset(d, (root) => fifo(root, 'c'))], { exit: [0, 1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('eval-fifo-as-dataset', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), fifo(d, 'data')], { exit: [1, 2], maxMs: 8000 }),
  cli('eval-dev-zero-as-dataset', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), '/dev/zero'], { exit: [1, 2], maxMs: 8000 }),
  cli('eval-symlink-loop', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), dataset(d, (root) => {
    link(join(root, 'a'), 'loop', '.');
    link(join(root, 'b'), 'up', '..');
    let p = join(root, 'a');
    for (let i = 0; i < 200; i++) p = folder(p, 'n');
    link(p, 'back', join(root));
  })], { exit: [0, 1], maxMs: RUN_MS, maxRssMb: 600 }),
  cli('eval-100000-empty-class-folders', (d) => {
    const root = folder(d, 'data');
    for (let i = 0; i < 100_000; i++) mkdirSync(join(root, `c${i}`));
    const labels = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join('\n');
    write(d, 'labels.txt', labels);
    return ['eval', write(d, 'm.cnn.yaml', 'input: 4x4x1\nlabels: labels.txt\nlayers:\n  - flatten\n  - {type: dense, units: 100000}\n'), root];
  }, { exit: [1, 2], maxMs: 30_000, maxRssMb: 900 }, { timeoutMs: 120_000 }),
  cli('eval-100000-unknown-class-folders', (d) => {
    const root = folder(d, 'data');
    for (let i = 0; i < 100_000; i++) mkdirSync(join(root, `x${i}`));
    return ['eval', write(d, 'm.cnn.yaml', tinyModel()), root];
  }, { exit: [1, 2], maxMs: 10_000, maxRssMb: 500, notOutput: /x99999/ }, { timeoutMs: 120_000 }),
  cli('eval-only-empty-class-folders', (d) => { const root = folder(d, 'data'); folder(root, 'a'); folder(root, 'b'); return ['eval', write(d, 'm.cnn.yaml', tinyModel()), root]; }, { exit: [1, 2], maxMs: 8000 }),
  cli('eval-2000-classes-one-image-each', (d) => {
    const root = folder(d, 'data');
    const p = png(4, 4);
    const labels = [];
    for (let i = 0; i < 2000; i++) {
      writeFileSync(join(folder(root, `c${i}`), 'x.png'), p);
      labels.push(`c${i}`);
    }
    write(d, 'labels.txt', labels.join('\n'));
    return ['eval', write(d, 'm.cnn.yaml', 'input: 4x4x1\nlabels: labels.txt\nlayers:\n  - flatten\n  - {type: dense, units: 2000}\n'), root];
  }, { exit: [0], maxMs: 20_000, maxRssMb: 800 }, { timeoutMs: 60_000 }),
  cli('threads-100000-run', (d) => ['run', '--threads', '100000', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { exit: [1, 2], maxMs: 8000 }),
  cli('threads-100000-eval', (d) => ['eval', '--threads', '100000', write(d, 'm.cnn.yaml', tinyModel()), dataset(d)], { exit: [1, 2], maxMs: 8000 }),
  cli('batch-1e9-eval', (d) => ['eval', '--batch', '1000000000', write(d, 'm.cnn.yaml', tinyModel()), dataset(d)], { exit: [1, 2], maxMs: 8000 }),
  cli('seed-huge-run', (d) => ['run', '--seed', '1e400', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { exit: [0, 1, 2], maxMs: RUN_MS }),
  // Wrong results.
  cli('negative-size-check', (d) => ['check', write(d, 'm.cnn.yaml', NEGATIVE)], { exit: [1], maxMs: 3000, notOutput: /-\d+ ?×|× ?-\d|−\d+ parameters|-\d+ parameters/ }),
  cli('negative-size-summary-json', (d) => ['summary', '--json', write(d, 'm.cnn.yaml', NEGATIVE)], { exit: [1], maxMs: 3000, notOutput: /": -\d/ }),
  cli('negative-size-check-json', (d) => ['check', '--json', write(d, 'm.cnn.yaml', NEGATIVE)], { exit: [1], maxMs: 3000, notOutput: /": -\d/ }),
  cli('16-upsamples', (d) => ['check', write(d, 'm.cnn.yaml', upsamples())], { exit: [1], maxMs: 3000, output: /out-of-range/, notOutput: /e\+\d{2}|Infinity/ }),
  cli('16-upsamples-summary-json', (d) => ['summary', '--json', write(d, 'm.cnn.yaml', upsamples())], { exit: [1], maxMs: 3000, notOutput: /e\+\d{2}|Infinity/ }),
  cli('concat-to-infinity', (d) => ['check', write(d, 'm.cnn.yaml', concats())], { exit: [1], maxMs: 3000, notOutput: /Infinity|e\+\d{2}/ }),
  cli('concat-1100-deep', (d) => ['summary', '--json', write(d, 'm.cnn.yaml', concatsDeep())], { exit: [1], maxMs: 5000, notOutput: /Infinity|e\+\d{2}/ }),
  cli('proto-keys-check', (d) => ['check', write(d, 'm.cnn.yaml', PROTO_KEYS)], { exit: [1], maxMs: 3000, output: /unknown/, notOutput: /native code|function Object/ }),
  cli('proto-keys-summary-json', (d) => ['summary', '--json', write(d, 'm.cnn.yaml', PROTO_KEYS)], { exit: [0, 1], maxMs: 3000, notOutput: /native code|function Object|polluted/ }),
  cli('lone-cr', (d) => ['check', write(d, 'm.cnn.yaml', 'input: 8x8x1\rlayers:\r  - {type: conv, filters: 2, kernel: 30}\r')], { exit: [1], maxMs: 3000, output: /:3:/ }),
  cli('multi-document-yaml', (d) => ['check', write(d, 'm.cnn.yaml', 'input: 8x8x1\nlayers: [relu]\n---\ninput: 4x4x1\n')], { exit: [1], maxMs: 3000, notOutput: /parseAllDocuments/ }),
  cli('dtype-__proto__', (d) => {
    write(d, 'w.safetensors', safetensors({ 'c.weight': { dtype: '__proto__', shape: [2, 1, 3, 3], data_offsets: [0, 72] } }, 72));
    return ['run', write(d, 'm.cnn.yaml', tinyModel('weights: w.safetensors\n')), write(d, 'x.png', png(4, 4))];
  }, { exit: [1, 2], maxMs: RUN_MS, notOutput: /NaN/ }),
  cli('absurd-header-length', (d) => {
    write(d, 'w.safetensors', Buffer.from('root:x:0:0:secretline\n'));
    return ['run', write(d, 'm.cnn.yaml', tinyModel('weights: w.safetensors\n')), write(d, 'x.png', png(4, 4))];
  }, { exit: [1, 2], maxMs: RUN_MS, notOutput: /\d{12,}/ }),
  // Paths outside the model's folder.
  ...[['run', 'proc-self-environ', '/proc/self/environ'], ['run', 'dotdot-etc-passwd', '../../../../../../../etc/passwd'], ['eval', 'proc-self-environ', '/proc/self/environ'], ['eval', 'dotdot-etc-passwd', '../../../../../../../etc/passwd']].flatMap(([cmd, n, path]) =>
    ['text', '--json', ...(cmd === 'eval' ? ['--csv'] : [])].map((mode) =>
      cli(`labels-${n}-${cmd}${mode === 'text' ? '' : mode.replace('--', '-')}`, (d) => [cmd, ...(mode === 'text' ? [] : [mode]), write(d, 'm.cnn.yaml', tinyModel('', path)), cmd === 'run' ? write(d, 'x.png', png(4, 4)) : dataset(d)], { exit: [1, 2], maxMs: RUN_MS }),
    ),
  ),
  cli('labels-symlink-out-run', (d) => { link(d, 'labels.txt', '/etc/passwd'); return ['run', '--json', write(d, 'm.cnn.yaml', tinyModel('', 'labels.txt')), write(d, 'x.png', png(4, 4))]; }, { exit: [1, 2], maxMs: RUN_MS }),
  cli('labels-symlink-out-eval', (d) => { link(d, 'labels.txt', '/etc/passwd'); return ['eval', write(d, 'm.cnn.yaml', tinyModel('', 'labels.txt')), dataset(d)]; }, { exit: [1, 2], maxMs: RUN_MS }),
  cli('labels-dir-symlink-out', (d) => { link(d, 'etc', '/etc'); return ['run', write(d, 'm.cnn.yaml', tinyModel('', 'etc/passwd')), write(d, 'x.png', png(4, 4))]; }, { exit: [1, 2], maxMs: RUN_MS }),
  cli('weights-proc-environ', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel('weights: /proc/self/environ\n')), write(d, 'x.png', png(4, 4))], { exit: [1, 2], maxMs: RUN_MS }),
  cli('weights-option-etc-passwd', (d) => ['run', '--weights', '/etc/passwd', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { exit: [1, 2], maxMs: RUN_MS }),
  cli('image-is-etc-passwd', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), '/etc/passwd'], { exit: [1, 2], maxMs: RUN_MS }),
  cli('model-is-etc-passwd', () => ['check', '/etc/passwd'], { exit: [1, 2], maxMs: 3000 }),
  cli('model-is-proc-environ', () => ['summary', '/proc/self/environ'], { exit: [1, 2], maxMs: 3000 }),
  // Escape sequences.
  cli('escapes-check', (d) => ['check', write(d, 'm.cnn.yaml', HOSTILE_NAMES)], { exit: [1], maxMs: 3000 }),
  cli('escapes-check-json', (d) => ['check', '--json', write(d, 'm.cnn.yaml', HOSTILE_NAMES)], { exit: [1], maxMs: 3000 }),
  cli('escapes-summary', (d) => ['summary', write(d, 'm.cnn.yaml', HOSTILE_NAMES)], { exit: [1], maxMs: 3000 }),
  cli('escapes-summary-json', (d) => ['summary', '--json', write(d, 'm.cnn.yaml', HOSTILE_NAMES)], { exit: [1], maxMs: 3000 }),
  cli('escapes-graph-dot', (d) => ['graph', '--dot', join(d, 'g.dot'), write(d, 'm.cnn.yaml', HOSTILE_RUNNABLE)], { exit: [0], maxMs: 8000 }),
  cli('escapes-export-pytorch', (d) => ['export', '--pytorch', join(d, 'm.py'), write(d, 'm.cnn.yaml', HOSTILE_RUNNABLE)], { exit: [0], maxMs: 8000 }, { after: pythonIsInert }),
  cli('code-injection-export-pytorch', (d) => ['export', '--pytorch', join(d, 'm.py'), write(d, 'm.cnn.yaml', INJECTION)], { exit: [0], maxMs: 8000 }, { after: pythonIsInert }),
  cli('escapes-layers-type', () => ['layers', EVIL], { exit: [1, 2], maxMs: 3000 }),
  cli('escapes-file-name-check', (d) => ['check', write(d, `${EVIL_NAME}.cnn.yaml`, NEGATIVE)], { exit: [1], maxMs: 3000 }),
  cli('escapes-run-text', (d) => ['run', write(d, 'm.cnn.yaml', HOSTILE_RUNNABLE), write(d, `${EVIL_NAME}.png`, png(4, 4))], { exit: [0], maxMs: RUN_MS }),
  cli('escapes-run-json', (d) => ['run', '--json', write(d, 'm.cnn.yaml', HOSTILE_RUNNABLE), write(d, `${EVIL_NAME}.png`, png(4, 4))], { exit: [0], maxMs: RUN_MS }),
  cli('escapes-run-progress-tty', (d) => {
    for (let i = 0; i < 20; i++) write(d, `${EVIL_NAME}${i}.png`, png(4, 4));
    return ['run', write(d, 'm.cnn.yaml', HOSTILE_RUNNABLE), d];
  }, { exit: [0], maxMs: RUN_MS, tty: true }),
  cli('escapes-bad-image-name', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), write(d, `${EVIL_NAME}.png`, 'not a png')], { exit: [1, 2], maxMs: RUN_MS }),
  cli('escapes-missing-image-name', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), join(d, `${EVIL_NAME}.png`)], { exit: [1, 2], maxMs: RUN_MS }),
  cli('escapes-safetensors-keys', (d) => {
    write(d, 'w.safetensors', safetensors({ [`c.weight${EVIL}`]: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, [`x${EVIL}`]: { dtype: `F${EVIL}`, shape: [1], data_offsets: [0, 4] } }, 4));
    return ['run', write(d, 'm.cnn.yaml', tinyModel('weights: w.safetensors\n')), write(d, 'x.png', png(4, 4))];
  }, { exit: [1, 2], maxMs: RUN_MS }),
  ...['text', '--json', '--csv'].map((mode) =>
    cli(`escapes-eval-class-folders${mode === 'text' ? '' : mode.replace('--', '-')}`, (d) => {
      const root = folder(d, 'data');
      const names = [`a${EVIL_NAME}`, 'b'];
      for (const n of names) writeFileSync(join(folder(root, n), `${EVIL_NAME}.png`), png(4, 4));
      return ['eval', ...(mode === 'text' ? [] : [mode]), write(d, 'm.cnn.yaml', tinyModel('', JSON.stringify(names))), root];
    }, { exit: [0], maxMs: RUN_MS }),
  ),
  cli('escapes-eval-unknown-class-folder', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), dataset(d, (root) => folder(root, `z${EVIL_NAME}`))], { exit: [1, 2], maxMs: RUN_MS }),
  cli('escapes-eval-progress-tty', (d) => {
    const root = folder(d, 'data');
    for (const c of ['a', 'b']) for (let i = 0; i < 12; i++) writeFileSync(join(folder(root, c), `${EVIL_NAME}${i}.png`), png(4, 4));
    return ['eval', write(d, 'm.cnn.yaml', HOSTILE_RUNNABLE.replace(/labels: .*\n/, 'labels: [a, b]\n')), root];
  }, { exit: [0], maxMs: RUN_MS, tty: true }),
  // Export.
  cli('export-onnx-onto-model', (d) => ['export', '--onnx', join(d, 'm.cnn.yaml'), write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }, {
    after: (d) => (readFileSync(join(d, 'm.cnn.yaml'), 'utf8') === tinyModel() ? [] : ['the model file was overwritten']),
  }),
  cli('export-onnx-dev-null', (d) => ['export', '--onnx', '/dev/null', write(d, 'm.cnn.yaml', tinyModel())], { exit: [0, 1, 2], maxMs: 8000 }),
  cli('export-onnx-onto-fifo', (d) => ['export', '--onnx', fifo(d, 'out.onnx'), write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }),
  cli('export-onnx-dev-full', (d) => ['export', '--onnx', '/dev/full', write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }),
  cli('export-pytorch-onto-model', (d) => ['export', '--pytorch', join(d, 'm.cnn.yaml'), write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }, {
    after: (d) => (readFileSync(join(d, 'm.cnn.yaml'), 'utf8') === tinyModel() ? [] : ['the model file was overwritten']),
  }),
  cli('graph-onto-model', (d) => ['graph', '--svg', join(d, 'm.cnn.yaml'), write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }, {
    after: (d) => (readFileSync(join(d, 'm.cnn.yaml'), 'utf8') === tinyModel() ? [] : ['the model file was overwritten']),
  }),
  cli('graph-png-onto-model', (d) => ['graph', '--png', join(d, 'm.cnn.yaml'), write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }, {
    after: (d) => (readFileSync(join(d, 'm.cnn.yaml'), 'utf8') === tinyModel() ? [] : ['the model file was overwritten']),
  }),
  cli('graph-png-dev-full', (d) => ['graph', '--png', '/dev/full', write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000 }),
  cli('graph-png-3000-layers', (d) => ['graph', '--png', join(d, 'g.png'), write(d, 'm.cnn.yaml', `input: 8x8x1\nlayers:\n${'  - relu\n'.repeat(3000)}`)], { exit: [0, 1, 2], maxMs: 30_000, maxRssMb: 1500 }),
  cli('graph-png-scale-1e6', (d) => ['graph', '--png', join(d, 'g.png'), '--scale', '1000000', write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000, maxRssMb: 600 }),
  cli('graph-svg-alias-bomb', (d) => ['graph', '--svg', join(d, 'g.svg'), write(d, 'm.cnn.yaml', bombModel('layers'))], { exit: [1, 2], maxMs: 5000, maxRssMb: 300 }),
  cli('graph-svg-16-upsamples', (d) => ['graph', '--svg', join(d, 'g.svg'), write(d, 'm.cnn.yaml', upsamples())], { exit: [0, 1], maxMs: 8000 }),
  cli('graph-svg-50000-keys', (d) => ['graph', '--svg', join(d, 'g.svg'), write(d, 'm.cnn.yaml', manyKeys())], { exit: [0, 1], maxMs: 8000 }),
  // JSON models.
  cli('json-proto-keys', (d) => ['check', write(d, 'm.cnn.json', '{"__proto__": {"input": "8x8x1"}, "constructor": 1, "input": "8x8x1", "layers": [{"type": "conv", "filters": 2, "kernel": 3, "__proto__": {"kernel": 9}, "toString": 1}]}')], { exit: [1], maxMs: 3000, notOutput: /native code|function Object/ }),
  cli('json-1e400', (d) => ['summary', '--json', write(d, 'm.cnn.json', '{"input": [1e400, 8, 1], "layers": [{"type": "conv", "filters": 1e400, "kernel": 3}]}')], { exit: [1], maxMs: 3000, notOutput: /Infinity/ }),
  cli('json-deep-nesting', (d) => ['check', write(d, 'm.cnn.json', `{"input": "8x8x1", "x": ${'['.repeat(100000)}${']'.repeat(100000)}, "layers": ["relu"]}`)], { exit: [0, 1], maxMs: 3000 }),
  cli('inline-parameters-1M', (d) => ['run', write(d, 'm.cnn.yaml', `input: 4x4x1\nlayers:\n  - flatten\n  - {type: dense, units: 2, parameters: {weight: [${Array(2).fill(`[${Array(500000).fill('0.5').join(',')}]`).join(',')}]}}\n`), write(d, 'x.png', png(4, 4))], { exit: [1], maxMs: RUN_MS, maxRssMb: 800 }),
  cli('check-3000-files', (d) => ['check', ...Array.from({ length: 3000 }, (_, i) => write(d, `m${i}.cnn.yaml`, NEGATIVE))], { exit: [1], maxMs: 15_000, maxRssMb: 600 }),
  // Images.
  cli('png-1-of-7000-rows', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(7000, 7000, 1))], { exit: [1, 2], maxMs: RUN_MS, maxRssMb: 700 }),
  cli('jpeg-7000x7000', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), bigJpeg()], { exit: [0], maxMs: 15_000, maxRssMb: 900 }, { timeoutMs: 120_000 }),
  cli('png-huge-header', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(2147483647, 2147483647, 0))], { exit: [1, 2], maxMs: RUN_MS, maxRssMb: 600 }),
  // The run and evaluation pages (render functions, as the extension calls them).
  {
    name: 'webview-pages-hostile-strings',
    async run() {
      const r = await runNode(['--import', 'tsx', join(ROOT, 'scripts/hostile/pages.mjs')], 60_000);
      const problems = judge(r, { exit: [0], maxMs: 30_000, maxRssMb: 600 });
      if (r.stdout.trim()) problems.push(...r.stdout.trim().split('\n'));
      return { r, problems };
    },
  },
  // Chinese output of the same hostile cases.
  cli('zh-cn-stride', (d) => ['check', write(d, 'm.cnn.yaml', STRIDE)], { exit: [1], maxMs: 3000, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
  cli('zh-cn-upsamples', (d) => ['check', write(d, 'm.cnn.yaml', upsamples())], { exit: [1], maxMs: 3000, output: /[\u4e00-\u9fff]/, notOutput: /e\+\d{2}|Infinity/ }, { lang: 'zh-cn' }),
  cli('zh-cn-escapes-summary', (d) => ['summary', write(d, 'm.cnn.yaml', HOSTILE_NAMES)], { exit: [1], maxMs: 3000 }, { lang: 'zh-cn' }),
  cli('zh-cn-labels-environ', (d) => ['run', write(d, 'm.cnn.yaml', tinyModel('', '/proc/self/environ')), write(d, 'x.png', png(4, 4))], { exit: [1, 2], maxMs: RUN_MS, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
  cli('zh-cn-fifo-model', (d) => ['check', fifo(d, 'm.cnn.yaml')], { exit: [1, 2], maxMs: 3000, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
  cli('zh-cn-alias-bomb', (d) => ['check', write(d, 'm.cnn.yaml', bombModel('labels'))], { exit: [1], maxMs: 3000, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
  cli('zh-cn-eval-escapes', (d) => ['eval', write(d, 'm.cnn.yaml', tinyModel()), dataset(d, (root) => folder(root, `z${EVIL_NAME}`))], { exit: [1, 2], maxMs: RUN_MS, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
  cli('zh-cn-threads', (d) => ['run', '--threads', '100000', write(d, 'm.cnn.yaml', tinyModel()), write(d, 'x.png', png(4, 4))], { exit: [1, 2], maxMs: 8000, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
  cli('zh-cn-export-onto-model', (d) => ['export', '--onnx', join(d, 'm.cnn.yaml'), write(d, 'm.cnn.yaml', tinyModel())], { exit: [1, 2], maxMs: 8000, output: /[\u4e00-\u9fff]/ }, { lang: 'zh-cn' }),
];
