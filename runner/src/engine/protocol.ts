// Messages between client.ts (any thread) and worker.ts (the thread that runs onnxruntime).
import type { ImageExtras, PipelineRequest, PipelineResult } from '../run/pipeline';
import type { EvaluationRequest, EvaluationRun } from '../run/evaluate';
import type { ImageOutput } from '../run/result';
import type { Backend, EngineOptions, OutputTensor } from './session';
import type { Locale } from '../../../core/src/index';

/** Every request carries the caller's language (`locale`), so what the worker throws speaks it. */
export type Request = { locale?: Locale } & (
  | { id: number; kind: 'create'; model: Uint8Array; options: EngineOptions }
  | { id: number; kind: 'run'; input: Float32Array; dims: number[]; fetch?: string[] }
  | { id: number; kind: 'times' }
  | { id: number; kind: 'release' }
  /** `stream`: each image's result comes as an 'image' reply and is not kept in the final result; `quiet`: no 'progress' replies. */
  | { id: number; kind: 'pipeline'; request: PipelineRequest; stream?: boolean; quiet?: boolean }
  /** Load onnxruntime now (a spare worker, ahead of a run); with `request`, also build its session (warmStart.ts). */
  | { id: number; kind: 'warm'; request?: PipelineRequest }
  /** An evaluation on an ImageFolder dataset (run/evaluate.ts): 'counted' replies, then 'evaluation'. */
  | { id: number; kind: 'evaluate'; request: EvaluationRequest }
  /** Stop the pipeline at its next step (never in the middle of onnxruntime's run: see client.ts). */
  | { id: number; kind: 'cancel' }
  /** The caller has handled `count` 'image' replies of the streamed run in all (replyWindow.ts). */
  | { id: number; kind: 'received'; count: number }
);

export type Reply =
  | { id: number; ok: true; kind: 'created'; backend: Backend; notice?: string }
  | { id: number; ok: true; kind: 'ran'; outputs: Record<string, OutputTensor> }
  | { id: number; ok: true; kind: 'times'; times: Array<Array<[number, number]>> }
  | { id: number; ok: true; kind: 'released' }
  | { id: number; ok: true; kind: 'warmed'; ready: boolean }
  | { id: number; ok: true; kind: 'progress'; message: string; fraction?: number }
  | { id: number; ok: true; kind: 'image'; output: ImageOutput; extras: ImageExtras }
  | { id: number; ok: true; kind: 'pipeline'; result: PipelineResult }
  | { id: number; ok: true; kind: 'counted'; done: number; total: number }
  | { id: number; ok: true; kind: 'evaluation'; result: EvaluationRun }
  /** `user`: a problem with the model, weights, labels or images (shown as is); `internal`: a bug. */
  | { id: number; ok: false; error: string; errorKind?: 'user' | 'internal' };
