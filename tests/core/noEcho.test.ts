// A file that is not a model at all (/etc/passwd, a token, /proc/self/environ given as the model) is one
// text to the reader: its diagnostic says so and how long it is, and never quotes the file back (hostile
// campaign, issue 13: errors never echo file content). Values inside a model are still quoted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, setLocale } from '../../core/src/index';

const line = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:/._]{3,40}x$/);

for (const lang of ['en', 'zh-cn'] as const) {
  test(`a text file as a model: one wrong-type error that quotes none of it (${lang})`, { timeout: 30_000 }, () => {
    setLocale(lang);
    try {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('m.cnn.yaml', 'm.cnn.json'), (lines, file) => {
          const text = file.endsWith('.json') ? JSON.stringify(lines.join('\n')) : lines.join('\n');
          const a = analyze({ text, fileName: file });
          const wrong = a.diagnostics.filter((d) => d.code === 'wrong-type');
          assert.equal(wrong.length, 1, JSON.stringify(a.diagnostics));
          for (const d of a.diagnostics) for (const l of lines) assert.ok(!d.message.includes(l.slice(0, 4) + l.slice(4, 12)), `${d.message} quotes ${l}`);
          assert.match(wrong[0]!.message, new RegExp(`${lines.join('\n').length}`));
        }),
        { numRuns: 200 },
      );
    } finally {
      setLocale('en');
    }
  });
}

test('/etc/passwd\'s first line is not in the message', () => {
  const a = analyze({ text: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', fileName: 'passwd' });
  assert.equal(a.diagnostics.length, 1);
  assert.doesNotMatch(a.diagnostics[0]!.message, /root|daemon/);
});

test('a value inside a model is still quoted where it helps', () => {
  const a = analyze({ text: 'input: 8x8x1\nname: [1]\nlayers: [relu]\n', fileName: 'm.cnn.yaml' });
  assert.match(a.diagnostics.map((d) => d.message).join('\n'), /name must be text, not a list/);
});
