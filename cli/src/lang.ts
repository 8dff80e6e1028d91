// `--lang en|zh-cn`, over LC_ALL / LC_MESSAGES / LANG. Read from the arguments before Commander parses
// them, because the help texts and option descriptions are built in the chosen language.
import { Option } from 'commander';
import { LOCALES, t, type Locale } from '../../core/src/index';
import { UsageError } from './errors';

export function langOption(): Option {
  return new Option('--lang <language>', t('cli.langOption')).choices([...LOCALES]);
}

/** The value of `--lang x` or `--lang=x` (before a `--`), or undefined; an unknown language is a usage error. */
export function localeFromArgs(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const lower = value.toLowerCase();
    if ((LOCALES as readonly string[]).includes(lower)) return lower as Locale;
    throw new UsageError(t('cli.langInvalid', { choices: LOCALES.join(', ') }));
  }
  return undefined;
}
