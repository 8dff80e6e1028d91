// Writes tests/fixtures/samples.golden.json from architectures.ts (the independent calculation):
//   node --import tsx tests/samples/expected/write-golden.ts
// Never from the core's output. samples.test.ts fails if the file and this calculation drift apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedSamples } from './architectures';

export const GOLDEN_PATH = join(__dirname, '..', '..', 'fixtures', 'samples.golden.json');

/** JSON with one layer a line, so that a diff shows which layer changed. */
export function goldenText(): string {
  const models = Object.entries(expectedSamples()).map(([file, m]) => {
    const { layers, ...rest } = m;
    const head = Object.entries(rest).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    const body = layers.map((l) => `      ${JSON.stringify(l)}`).join(',\n');
    return `  ${JSON.stringify(file)}: {\n${head.join('\n')}\n    "layers": [\n${body}\n    ]\n  }`;
  });
  return `{\n${models.join(',\n')}\n}\n`;
}

if (require.main === module) {
  writeFileSync(GOLDEN_PATH, goldenText());
  process.stdout.write(`wrote ${GOLDEN_PATH}\n`);
}
