// The command line in Chinese: LANG=zh_CN.UTF-8 or --lang zh-cn, the same `--json` codes and keys in
// every language (only `message` fields follow it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = 'samples/tutorial/05-32x32-f4-s3-not-whole.cnn.yaml';
const CJK = /[\u4e00-\u9fff]/;

function cnnshape(args: string[], env: Record<string, string | undefined> = {}) {
  const clean = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', ...env };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', ...args], { cwd: ROOT, env: clean, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CheckJson {
  file: string;
  diagnostics: Array<{ code: string; severity: string; message: string; range: unknown }>;
  layers: unknown[];
}

/** Everything but the messages. */
const withoutMessages = (files: CheckJson[]) => files.map((f) => ({ ...f, diagnostics: f.diagnostics.map(({ message: _, ...d }) => d) }));

test('cnnshape check speaks Chinese with LANG=zh_CN.UTF-8 and with --lang zh-cn, English otherwise', () => {
  const en = cnnshape(['check', SAMPLE]);
  assert.equal(en.status, 1);
  assert.match(en.stderr, /^1 file checked: 1 error, 0 warnings$/m);
  assert.doesNotMatch(en.stdout + en.stderr, CJK);
  for (const zh of [cnnshape(['check', SAMPLE], { LANG: 'zh_CN.UTF-8' }), cnnshape(['--lang', 'zh-cn', 'check', SAMPLE]), cnnshape(['check', '--lang=zh-cn', SAMPLE], { LC_ALL: 'en_US.UTF-8' })]) {
    assert.equal(zh.status, 1);
    assert.match(zh.stderr, /^已检查 1 个文件：1 个错误，0 个警告$/m);
    // The compiler-style line keeps its shape and the arithmetic.
    assert.match(zh.stdout, /05-32x32-f4-s3-not-whole\.cnn\.yaml:11:49: error\[non-integer-output\]: .*\(32 − 4 \+ 2·0\)\/3 \+ 1 = 10\.33/);
  }
  // --lang beats the environment both ways.
  assert.doesNotMatch(cnnshape(['--lang', 'en', 'check', SAMPLE], { LANG: 'zh_CN.UTF-8' }).stderr, CJK);
});

test("the Chinese diagnostic itself (the core's message) follows the language", () => {
  const zh = cnnshape(['check', SAMPLE], { LANG: 'zh_CN.UTF-8' });
  const line = zh.stdout.split('\n').find((l) => l.includes('non-integer-output')) ?? '';
  assert.match(line, CJK, line);
});

test('help, option descriptions and usage errors in Chinese', () => {
  const help = cnnshape(['--lang', 'zh-cn', 'check', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^用法：/m);
  assert.match(help.stdout, /检查模型文件并报告所有诊断信息/);
  assert.match(help.stdout, /显示命令的帮助/);
  const typo = cnnshape(['check', '--jsn', SAMPLE], { LANG: 'zh_CN.UTF-8' });
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /错误：未知选项 '--jsn'/);
  assert.match(typo.stderr, /--json/);
  const bad = cnnshape(['--lang', 'zh-cn', 'run', '--threads', '0', SAMPLE, 'x.png']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--threads 必须是 ≥ 1 的整数，而不是 '0'/);
  assert.match(cnnshape(['--lang', 'fr', 'check', SAMPLE]).stderr, /--lang must be one of en, zh-cn/);
});

test('--json: the same codes, severities, ranges and layers in both languages', () => {
  const en = cnnshape(['check', '--json', SAMPLE, 'samples/tutorial/08-receptive-field-3x3-after-3x3.cnn.yaml']);
  const zh = cnnshape(['check', '--json', SAMPLE, 'samples/tutorial/08-receptive-field-3x3-after-3x3.cnn.yaml'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(en.status, 1);
  assert.equal(zh.status, 1);
  const e = JSON.parse(en.stdout) as CheckJson[];
  const z = JSON.parse(zh.stdout) as CheckJson[];
  assert.deepEqual(withoutMessages(z), withoutMessages(e));
  assert.deepEqual(z[0]!.diagnostics.map((d) => d.code), ['non-integer-output']);
  assert.equal(zh.stderr, '', 'no counts line with --json');
});
