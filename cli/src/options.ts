// Checking numeric command-line options, the same way for every command: a bad value is a usage error.
import { UsageError } from './errors';

/** `--name v` as an integer in [min, max], or undefined when the option is absent. */
export function intOption(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new UsageError(`--${name} must be an integer ≥ ${min}, not '${v}'`);
  if (Number(v) > max) throw new UsageError(`--${name} must be at most ${max}, not '${v}'`);
  return Number(v);
}
