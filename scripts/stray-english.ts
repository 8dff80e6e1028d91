// `npx tsx scripts/stray-english.ts`: lists English text in code that does not come from the message
// catalogue (scripts/i18n/strayEnglish.ts), by file, to find what is left to move into core/src/i18n.
import { resolve } from 'node:path';
import { strayEnglish } from './i18n/strayEnglish';

const found = strayEnglish(resolve(__dirname, '..'));
for (const s of found) console.log(`${s.file}:${s.line}: ${JSON.stringify(s.text)}`);
console.log(`${found.length} strings`);
