// Commander writes its help headings and its usage errors in English. The headings go through the
// help's styleTitle; the errors are recognised by their (stable) English form and said again from the
// catalogue. An error not listed here is printed as Commander wrote it.
import { t, type MessageArgs, type MessageId } from '../../core/src/index';

const TITLES: Readonly<Record<string, MessageId>> = {
  'Usage:': 'cli.usageTitle',
  'Options:': 'cli.optionsTitle',
  'Commands:': 'cli.commandsTitle',
  'Arguments:': 'cli.argumentsTitle',
  'Global Options:': 'cli.globalOptionsTitle',
};

export function helpTitle(title: string): string {
  const id = TITLES[title];
  return id ? t(id) : title;
}

const ERRORS: ReadonlyArray<[RegExp, MessageId, (m: RegExpExecArray) => MessageArgs]> = [
  [/^error: unknown option '(.*)'/, 'cli.unknownOption', (m) => ({ flag: m[1]! })],
  [/^error: unknown command '(.*)'/, 'cli.unknownCommand', (m) => ({ name: m[1]! })],
  [/^error: missing required argument '(.*)'/, 'cli.missingArgument', (m) => ({ name: m[1]! })],
  [/^error: option '(.*)' argument missing/, 'cli.optionArgumentMissing', (m) => ({ flags: m[1]! })],
  [/^error: too many arguments.*/, 'cli.tooManyArguments', () => ({})],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./, 'cli.invalidChoice', (m) => ({ flags: m[1]!, value: m[2]!, choices: m[3]! })],
];

/** Commander's error text (first line, then an optional "(Did you mean …?)") in the current language. */
export function translateCommanderMessage(text: string): string {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  for (const [re, id, args] of ERRORS) {
    const m = re.exec(first);
    if (!m) continue;
    lines[0] = t(id, args(m));
    break;
  }
  return lines.map((l) => l.replace(/^\(Did you mean (.*)\?\)$/, (_, s: string) => t('cli.didYouMean', { suggestion: s }))).join('\n');
}
