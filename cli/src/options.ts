// Checking numeric command-line options, the same way for every command: a bad value is a usage error.
import type { Command } from 'commander';
import { ROUNDINGS, t, type Rounding } from '../../core/src/index';
import { UsageError } from './errors';

/** `--name v` as an integer in [min, max], or undefined when the option is absent. */
export function intOption(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new UsageError(t('cli.intInvalid', { name, min, value: v }));
  if (Number(v) > max) throw new UsageError(t('cli.intTooLarge', { name, max, value: v }));
  return Number(v);
}

/** `--rounding MODE`: the rounding of models without their own `rounding:` key (as the editor setting). */
export function addRoundingOption(command: Command): Command {
  return command.option('--rounding <mode>', t('cli.roundingOption', { modes: ROUNDINGS.join(', ') }));
}

export function roundingOption(v: string | undefined): Rounding | undefined {
  if (v === undefined) return undefined;
  const found = ROUNDINGS.find((r) => r === v);
  if (!found) throw new UsageError(t('cli.roundingInvalid', { modes: ROUNDINGS.join(', '), value: v }));
  return found;
}
