// `npm run generate`: writes every file that repeats what the layer registry declares (the JSON Schema,
// the grammars' word lists, docs/layers.md) or the message catalogue (VS Code's l10n bundle).
// tests/generated/stale.test.ts fails when one is out of date.
// Imports only the core's public entry; `generatedFiles()` is pure, so the test can compare in memory.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMMON_KEYS, LAYERS, LAYER_TYPES, ROUNDINGS, TOP_KEYS } from '../core/src/index';
import { jsonFile } from './generate/json';
import { buildGrammars } from './generate/grammars';
import { layersMarkdown } from './generate/layersDoc';
import { l10nBundle, packageNls } from './generate/l10nBundle';
import { glossaryMarkdown } from './generate/glossaryDoc';
import { buildSchema, type SchemaSource } from './generate/schema';

/** The registry and key lists the files are made from. */
export function registrySource(): SchemaSource {
  return { layers: LAYERS, types: LAYER_TYPES, commonKeys: COMMON_KEYS, topKeys: TOP_KEYS, roundings: ROUNDINGS };
}

/** Every generated file: path relative to the repository root → its content. */
export function generatedFiles(src: SchemaSource = registrySource()): Record<string, string> {
  const grammars = buildGrammars(src);
  return {
    'schemas/cnn-model.schema.json': jsonFile(buildSchema(src)),
    'syntaxes/cnn-yaml.injection.tmLanguage.json': jsonFile(grammars.yaml),
    'syntaxes/cnn-json.injection.tmLanguage.json': jsonFile(grammars.json),
    'docs/layers.md': layersMarkdown(),
    'docs/glossary.md': glossaryMarkdown(),
    'l10n/bundle.l10n.zh-cn.json': jsonFile(l10nBundle('zh-cn')),
    'package.nls.json': jsonFile(packageNls('en')),
    'package.nls.zh-cn.json': jsonFile(packageNls('zh-cn')),
  };
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  for (const [path, content] of Object.entries(generatedFiles())) {
    writeFileSync(join(root, path), content);
    console.log(`generate: ${path}`);
  }
}
