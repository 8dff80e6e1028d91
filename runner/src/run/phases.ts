// When each phase of a run ended, as wall-clock milliseconds (performance.timeOrigin + now()), so that
// marks made on different threads (the editor's, the worker's) line up. Recorded on every run (a few
// numbers); the CLI prints them with --timing, the editor writes them to its output channel.
import { performance } from 'node:perf_hooks';

export type PhaseName =
  | 'worker' // the worker thread is running and has the request
  | 'engine' // onnxruntime's library is loaded
  | 'analysis'
  | 'weights' // weights read or He-initialised
  | 'graph' // the ONNX graph built and encoded
  | 'session' // onnxruntime's session created
  | 'warmup' // the profiled session's warm-up pass (a session made ahead does it then)
  | 'decode' // the first image decoded
  | 'run' // the first image's result
  | 'done';

export interface PhaseMark {
  phase: PhaseName;
  at: number;
}

export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

export class PhaseClock {
  readonly marks: PhaseMark[] = [];

  mark(phase: PhaseName, at = wallNow()): void {
    this.marks.push({ phase, at });
  }
}

/** `phase +12 ms` per mark, each relative to the previous mark (the first to `start`), and the total. */
export function phaseTimes(marks: readonly PhaseMark[], start: number): Array<{ phase: PhaseName; ms: number; total: number }> {
  let prev = start;
  return [...marks]
    .sort((a, b) => a.at - b.at)
    .map((m) => {
      // A mark made before the start (a worker started ahead) counts as no time.
      const row = { phase: m.phase, ms: Math.max(0, m.at - prev), total: Math.max(0, m.at - start) };
      prev = Math.max(prev, m.at);
      return row;
    });
}
