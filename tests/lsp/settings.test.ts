import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

test('settings as VS Code, Neovim, Helix and Zed send them', () => {
  const want = { inlayHints: false, defaultRounding: 'floor', language: 'auto', explainLens: true };
  assert.deepEqual(readSettings({ inlayHints: { enabled: false }, rounding: { default: 'floor' }, trace: { server: 'off' } }), want);
  assert.deepEqual(readSettings({ 'inlayHints.enabled': false, 'rounding.default': 'floor' }), want);
  assert.deepEqual(readSettings({ cnnShape: { inlayHints: { enabled: false }, rounding: { default: 'floor' } } }), want);
  assert.deepEqual(readSettings(null), DEFAULT_SETTINGS);
  assert.deepEqual(readSettings({ rounding: { default: 'round' }, inlayHints: { enabled: 'no' } }), DEFAULT_SETTINGS);
  assert.equal(readSettings({ language: 'zh-cn' }).language, 'zh-cn');
  assert.equal(readSettings({ cnnShape: { language: 'en' } }).language, 'en');
  assert.equal(readSettings({ language: 'fr' }).language, 'auto');
  assert.equal(readSettings({ codeLens: { explain: false } }).explainLens, false);
  assert.equal(readSettings({ 'codeLens.explain': false }).explainLens, false);
  assert.equal(readSettings({ codeLens: { explain: 'no' } }).explainLens, true);
});

test('property: any JSON gives valid settings', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (raw) => {
      const s = readSettings(raw);
      assert.equal(typeof s.inlayHints, 'boolean');
      assert.ok(['strict', 'floor', 'ceil'].includes(s.defaultRounding));
      assert.ok(['auto', 'en', 'zh-cn'].includes(s.language));
    }),
  );
});
