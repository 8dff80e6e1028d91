// docs/format.md is written by hand (it explains), but kept in step with the registry: every layer type
// and each of its parameters appears in the format's tables, and no table names a type that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LAYERS, LAYER_TYPES, TOP_KEYS } from '../../core/src/index';

const root = resolve(__dirname, '..', '..');
const md = readFileSync(join(root, 'docs', 'format.md'), 'utf8');

/**
 * Format v2's types that the format documents before the registry has them (issue 8 adds them). A type
 * here that the registry now has is checked like any other; remove it from this list then.
 */
const PLANNED = new Set([
  'convtranspose', 'adaptiveavgpool', 'adaptivemaxpool', 'relu6', 'silu', 'hardswish', 'hardsigmoid', 'mish', 'elu',
  'layernorm', 'groupnorm', 'instancenorm', 'lrn', 'scale', 'multiply', 'pad', 'crop', 'slice', 'shuffle',
  'pixelshuffle', 'pixelunshuffle',
]);
const PLANNED_TOP_KEYS = new Set(['blocks']);

interface Row {
  cells: string[];
}
/** The rows of every table whose header begins with these cells. */
function tableRows(...header: string[]): Row[] {
  const rows: Row[] = [];
  let inTable = false;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split(/(?<!\\)\|/).map((c) => c.trim());
    if (header.every((h, i) => cells[i] === h)) inTable = true;
    else if (inTable && !/^-+$/.test(cells[0] ?? '')) rows.push({ cells });
  }
  return rows;
}
const codeWords = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

test('every layer type and each of its parameters is in docs/format.md\'s tables; no table names an unknown type', (t) => {
  const rows = tableRows('type');
  assert.ok(rows.length >= 10, 'the layer tables are found');
  const rowOf = new Map<string, Row>();
  for (const row of rows) for (const type of codeWords(row.cells[0]!)) rowOf.set(type, row);
  const unknown = [...rowOf.keys()].filter((type) => !LAYERS.has(type) && !PLANNED.has(type));
  assert.deepEqual(unknown, [], 'types in docs/format.md that the registry does not have');
  for (const type of LAYER_TYPES) {
    const row = rowOf.get(type);
    assert.ok(row, `docs/format.md has no table row for '${type}'`);
    const words = new Set(codeWords(row.cells[1] ?? ''));
    for (const param of Object.keys(LAYERS.get(type)!.params)) {
      assert.ok(words.has(param), `docs/format.md: '${param}' of '${type}' is not in its row`);
    }
    if (LAYERS.get(type)!.arity === 'many') assert.ok(words.has('inputs'), `docs/format.md: '${type}' takes two or more inputs`);
  }
  const done = [...PLANNED].filter((type) => LAYERS.has(type));
  if (done.length) t.diagnostic(`registered now, remove from PLANNED: ${done.join(', ')}`);
});

test('every top-level key is in docs/format.md\'s top-level table, and no other', () => {
  const keys = tableRows('key', 'required').flatMap((r) => codeWords(r.cells[0]!));
  for (const k of Object.keys(TOP_KEYS)) assert.ok(keys.includes(k), `docs/format.md: top-level key '${k}'`);
  assert.deepEqual(keys.filter((k) => !(k in TOP_KEYS) && !PLANNED_TOP_KEYS.has(k)), []);
});

test('README links docs/format.md and nothing outside the repository', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.match(readme, /\]\(docs\/format\.md\)/);
  const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
  assert.deepEqual(links.filter((l) => l.startsWith('..') || l.startsWith('/')), []);
});
