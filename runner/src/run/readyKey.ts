// What a session made ahead depends on (warmStart.ts), apart so that the editor's bundle can compute
// it without the pipeline (and its image decoders) that warmStart.ts imports.
import type { PipelineRequest } from './pipeline';

export function readyKey(req: PipelineRequest): string {
  const { modelFile, text, defaultRounding, seed, weightsFile, roots, engine, profile } = req;
  const { scratchDir: _scratch, ...engineKey } = engine ?? {};
  return JSON.stringify([modelFile, text ?? null, defaultRounding ?? null, seed ?? null, weightsFile ?? null, roots ?? [], engineKey, profile === true]);
}
