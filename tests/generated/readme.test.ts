// README.md speaks to users and is the extension's page: it must stay in step with what package.json
// contributes (every command and setting named), keep CI's two set-up commands, show only pictures
// that exist (small PNGs), link only inside the repository, and have its Chinese
// section. The developer's part is CONTRIBUTING.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  icon?: string;
  contributes: { commands: { title: string }[]; configuration: { properties: Record<string, unknown> } };
};

/** The text of the section under `## heading`, up to the next `## `. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README has a "## ${heading}" section`);
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

/** package.json's `%key%` strings resolved through package.nls.json (the English titles). */
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const english = (s: string): string => s.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);

const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

test('README names every command and setting that package.json contributes', () => {
  for (const c of pkg.contributes.commands) assert.ok(readme.includes(english(c.title)), `command "${english(c.title)}"`);
  for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `setting ${key}`);
});

test("README's Set up section has CI's two commands, each in a shell block", () => {
  const setUp = section('Set up');
  const blocks = [...setUp.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  for (const cmd of ['npm ci && npm run demo', 'npm ci && npm test']) {
    assert.ok(blocks.some((b) => b.split('\n').includes(cmd)), `"${cmd}" on a line of its own`);
  }
  assert.match(readFileSync(join(root, '.ci', 'run'), 'utf8'), /^npm test$/m, '.ci/run runs the test command');
});

test('README links only to files of the repository, and they exist', () => {
  const external = targets.filter((t) => /^[a-z][a-z+.-]*:/i.test(t) || t.startsWith('/') || t.startsWith('..'));
  assert.deepEqual(external, []);
  for (const t of targets.filter((x) => !x.startsWith('#'))) assert.ok(existsSync(join(root, t.split('#')[0]!)), `${t} exists`);
});

// VS Code's extension page allows only https: and data: images (its CSP), so relative pictures show on
// the repository's page and, rewritten by vsce to the repository's URL, on the marketplace; they are not
// shipped in the .vsix.
test("README's pictures are small PNGs under docs/images/", () => {
  const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]!);
  assert.ok(images.length >= 5, 'screenshots');
  for (const img of images) {
    assert.match(img, /^docs\/images\/[\w-]+\.png$/);
    assert.ok(statSync(join(root, img)).size < 250_000, `${img} is under 250 KB`);
  }
});

test('README has a Chinese section on switching the language; the icon is set and rendered', () => {
  const zh = section('中文说明');
  for (const s of ['cnnShape.language', 'zh-cn', '--lang', 'LANG', '步幅', '卷积核']) assert.ok(zh.includes(s), s);
  assert.equal(pkg.icon, 'images/icon.png');
  const png = readFileSync(join(root, pkg.icon));
  assert.equal(png.readUInt32BE(16), 128, 'icon width');
  assert.equal(png.readUInt32BE(20), 128, 'icon height');
});
