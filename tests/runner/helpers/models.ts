// Building and running models in the tests: text → analysis → graph → onnxruntime (in this thread:
// tests may block), and the same through the reference.
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../../core/src/index';
import { createEngineSession, type EngineOptions, type OutputTensor } from '../../../runner/src/engine/session';
import { buildGraph, layerOutputName } from '../../../runner/src/onnx/buildGraph';
import { encodeModel } from '../../../runner/src/onnx/proto';
import type { ParameterSet, Tensor } from '../../../runner/src/weights/types';
import { referenceForward } from '../reference/forward';
import { t3, type T3 } from '../reference/tensor';
import { assertClose } from './compare';
import { randomArray, randomParameters, rng } from './random';

export function analyse(yaml: string): Analysis {
  const a = analyze({ text: yaml, fileName: 'test.cnn.yaml' });
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.length, 0, `test model has errors: ${errors.map((d) => d.message).join('; ')}`);
  return a;
}

export async function runOnnx(a: Analysis, params: ParameterSet, input: T3, engine: EngineOptions = {}): Promise<Record<string, OutputTensor>> {
  const g = buildGraph(a, params, { fileName: 'test.cnn.yaml' });
  const s = await createEngineSession(encodeModel(g.model), engine);
  try {
    return await s.run(Float32Array.from(input.data), [1, input.c, input.h, input.w]);
  } finally {
    await s.release();
  }
}

export function randomInput(a: Analysis, seed: number): T3 {
  const s = a.model.input!.value;
  return t3(s.depth, s.height, s.width, randomArray(s.depth * s.height * s.width, rng(seed)));
}

/** Runs a model with random weights and input in onnxruntime and the reference; compares every layer. */
export async function compareWithReference(yaml: string, seed: number, engine: EngineOptions = {}): Promise<{ a: Analysis; ref: T3[]; got: Record<string, OutputTensor> }> {
  const a = analyse(yaml);
  const { set, byLayer } = randomParameters(a, seed);
  const input = randomInput(a, seed + 1);
  const got = await runOnnx(a, set, input, engine);
  const ref = referenceForward(a, byLayer, input);
  for (const r of a.layers) {
    const i = r.decl.index;
    assertClose(got[layerOutputName(i)]!, ref[i]!, `layer ${i} (${r.decl.type})`);
    // The checker's prediction and the shape that ran agree.
    assert.deepEqual({ w: ref[i]!.w, h: ref[i]!.h, d: ref[i]!.c }, { w: r.output!.width, h: r.output!.height, d: r.output!.depth }, `layer ${i}: checker vs reference shape`);
  }
  return { a, ref, got };
}

export type { Tensor };
