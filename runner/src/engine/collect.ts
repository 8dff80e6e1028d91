// A full garbage collection on request. Before onnxruntime copies a large model's weights, the
// JavaScript copies that were just dropped (the weights, the encoded graph) would otherwise still be
// held until V8 decides to collect: for AlexNet that is 244 MB more at the run's peak.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Collects now if the model is large enough for it to matter (a full collection takes some ms). */
export function collectBefore(bytes: number): void {
  if (bytes < 32 * 1024 * 1024) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
