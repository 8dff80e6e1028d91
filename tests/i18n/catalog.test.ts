// The catalogue's promises: every English message has a Chinese one with the same placeholders and the
// same `code` and numbers, the tutorials' terms (glossary) are used, and the client's l10n bundle agrees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, EN, GLOSSARY, chooseLocale, fillTemplate, localeFromEnv, pickLocale, t, withLocale } from '../../core/src/index';
import { clashes, glossaryProblems, missing, sameTokens, untranslated, type Pair } from './textChecks';

function entries(): Pair[] {
  const zh = CATALOG['zh-cn'] as Record<string, Record<string, string>>;
  const out: Pair[] = [];
  for (const [area, messages] of Object.entries(EN as Record<string, Record<string, string>>)) {
    for (const [key, en] of Object.entries(messages)) out.push({ id: `${area}.${key}`, en, zh: zh[area]?.[key] ?? '' });
  }
  return out;
}

test('every message has a Chinese translation', () => {
  assert.deepEqual(missing(entries()), []);
});

/** Names that stay as they are in every language. */
const NAMES = new Set(['CNN Shape']);

test('the Chinese is Chinese where the English has words', () => {
  assert.deepEqual(untranslated(entries().filter((e) => !NAMES.has(e.en))), []);
});

test('translations keep the placeholders, `code` and numbers', () => {
  assert.deepEqual(sameTokens(entries()), []);
});

test('translations use the glossary terms of the tutorials', () => {
  assert.deepEqual(glossaryProblems(entries()), []);
});

test('one English text has one translation (VS Code bundles are keyed by the English)', () => {
  assert.deepEqual(clashes(entries()), []);
});

test('the glossary check can fail: a stride translated as 步长 is caught', () => {
  const term = GLOSSARY.find((g) => g.en.includes('stride'))!;
  assert.ok(term.avoid?.includes('步长'));
  assert.ok(!term.zh.some((z) => '步长 S = 3'.includes(z)));
});

test('placeholders are filled by name, the same numbers in both languages', () => {
  assert.equal(fillTemplate('{a} and {b}', { a: 1, b: 'x' }), '1 and x');
  assert.equal(fillTemplate('{a} and {missing}', { a: 10.33 }), '10.33 and {missing}');
  assert.equal(withLocale('zh-cn', () => t('common.and', { a: 3, b: 4 })), '3和4');
  assert.equal(withLocale('en', () => t('common.and', { a: 3, b: 4 })), '3 and 4');
});

test('locales from editors and terminals', () => {
  for (const tag of ['zh-cn', 'zh-CN', 'zh', 'zh-Hans', 'zh-Hans-CN', 'zh_CN.UTF-8', 'zh_CN.utf8@pinyin', 'zh_SG']) assert.equal(pickLocale(tag), 'zh-cn', tag);
  for (const tag of ['en', 'en-US', 'C', 'POSIX', 'C.UTF-8', 'de-DE', '', undefined, 'zh-TW', 'zh-Hant']) assert.equal(pickLocale(tag), 'en', String(tag));
  assert.equal(chooseLocale('en', 'zh-cn'), 'en');
  assert.equal(chooseLocale('zh-cn', 'en-US'), 'zh-cn');
  assert.equal(chooseLocale('auto', 'zh-cn'), 'zh-cn');
  assert.equal(chooseLocale(42, 'zh-cn'), 'zh-cn');
  assert.equal(localeFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-cn');
  assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(localeFromEnv({}), 'en');
});

test('package.json shows only catalogue text: every title and description is a %key% of the nls area', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Record<string, unknown>;
  const nls = EN.nls as Record<string, string>;
  const literal: string[] = [];
  const unknown: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      const m = /^%(.+)%$/.exec(v);
      if (m) {
        if (!(m[1]! in nls)) unknown.push(`${path}: ${v}`);
      } else if (/(title|description|displayName|category|Descriptions\[\d+\]|aliases\[0\])$/i.test(path)) literal.push(`${path}: ${v}`);
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, path ? `${path}.${k}` : k);
  };
  visit({ displayName: pkg['displayName'], description: pkg['description'], contributes: pkg['contributes'], capabilities: pkg['capabilities'] }, '');
  assert.deepEqual(unknown, []);
  assert.deepEqual(literal, []);
});
