// How the run and evaluation pages get their words: a function from a message id of the catalogue's
// `run` and `evaluate` areas (core/src/i18n/en/run.ts, evaluate.ts) to text. The extension host passes
// its l10n `t`; pure code (html.ts, node tests) defaults to the English templates.
import { evaluate } from '../../../core/src/i18n/en/evaluate';
import { run } from '../../../core/src/i18n/en/run';

export type RunMessageId = `run.${Extract<keyof typeof run, string>}` | `evaluate.${Extract<keyof typeof evaluate, string>}`;
export type Tr = (id: RunMessageId, args?: Readonly<Record<string, string | number>>) => string;

const AREAS: Record<string, Record<string, string>> = { run, evaluate };

export const englishTr: Tr = (id, args) => {
  const [area = '', key = ''] = id.split('.');
  const text = AREAS[area]?.[key] ?? id;
  return args ? text.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole)) : text;
};
