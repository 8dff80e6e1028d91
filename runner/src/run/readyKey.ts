// What a session made ahead depends on (warmStart.ts), apart so that the editor's bundle can compute
// it without the pipeline (and its image decoders) that warmStart.ts imports.
import type { Rounding } from '../../../core/src/index';
import type { PipelineRequest } from './pipeline';

export function readyKey(req: PipelineRequest): string {
  const { modelFile, text, defaultRounding, seed, weightsFile, roots, engine, profile } = req;
  const { scratchDir: _scratch, ...engineKey } = engine ?? {};
  return JSON.stringify([modelFile, text ?? null, defaultRounding ?? null, seed ?? null, weightsFile ?? null, roots ?? [], engineKey, profile === true]);
}

/**
 * The editor's run request without what only the images' run needs (images, previews, values kept):
 * what its session depends on, known before the language server has answered, so that the editor can
 * ask for it to be made ready at once. The command's request adds to it (client/src/run/command.ts).
 */
export function editorSessionRequest(modelFile: string, text: string, defaultRounding: Rounding): PipelineRequest {
  // The page shows each layer's time: the editor's runs are profiled.
  return { modelFile, text, defaultRounding, images: [], profile: true };
}
