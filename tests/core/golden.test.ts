// The 2,000 single-layer cases measured with PyTorch (tests/fixtures/golden-layers.json, copied from
// shared/golden), in each rounding mode, as shared/golden/README.md defines a conforming checker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../core/src/index';

interface ShapeOrError {
  width?: number;
  height?: number;
  depth?: number;
  error?: string;
}
interface GoldenCase {
  input: { width: number; height: number; depth: number };
  layer: Record<string, unknown>;
  pytorch_floor: ShapeOrError;
  pytorch_ceil?: ShapeOrError;
  integer: boolean;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'golden-layers.json'), 'utf8')) as GoldenCase[];

function check(c: GoldenCase, mode: 'strict' | 'floor' | 'ceil'): string | undefined {
  const text = JSON.stringify({ input: c.input, rounding: mode, layers: [c.layer] });
  const a = analyze({ text, fileName: 'case.cnn.json' });
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  const nonInt = a.diagnostics.filter((d) => d.code === 'non-integer-output');
  const expected = mode === 'ceil' ? c.pytorch_ceil : c.pytorch_floor;
  const out = a.layers[0]?.output;
  const describe = () => `${text} → ${JSON.stringify(out)}; ${a.diagnostics.map((d) => `${d.severity}[${d.code}] ${d.message}`).join('; ')}`;

  // In ceil mode PyTorch measured pooling with ceil_mode=True; conv has no ceil mode, so its
  // refusals (a kernel larger than the padded input) hold in every mode.
  const refusal = mode === 'ceil' && c.pytorch_ceil ? c.pytorch_ceil.error : c.pytorch_floor.error;
  if (refusal) return errors.length > 0 ? undefined : `PyTorch refuses (${refusal}) but no error: ${describe()}`;
  if (mode === 'ceil' && !expected) return undefined; // conv without 'same': no ceil measurement
  if (!out || out.width !== expected!.width || out.height !== expected!.height || out.depth !== expected!.depth) {
    return `expected ${JSON.stringify(expected)}: ${describe()}`;
  }
  if (mode === 'strict') {
    if (c.integer && errors.length) return `whole case has errors: ${describe()}`;
    if (!c.integer && !nonInt.some((d) => d.severity === 'error')) return `not whole but no non-integer-output error: ${describe()}`;
  } else {
    if (errors.length) return `${mode} must not error: ${describe()}`;
    if (!c.integer && !nonInt.some((d) => d.severity === 'information')) return `not whole but no information: ${describe()}`;
    if (c.integer && nonInt.length) return `whole case reported as not whole: ${describe()}`;
  }
  return undefined;
}

for (const mode of ['strict', 'floor', 'ceil'] as const) {
  test(`golden layers from PyTorch agree in rounding: ${mode}`, () => {
    assert.equal(cases.length, 2000);
    const failures = cases.map((c) => check(c, mode)).filter((f): f is string => f !== undefined);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${cases.length} cases disagree`);
  });
}
