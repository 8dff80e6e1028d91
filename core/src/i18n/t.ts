// `t(id, args)`: a message in the process's language. The language is set once at the edge (the
// language server from `initialize`'s locale and `cnnShape.language`, the CLI from `--lang` and LANG)
// because one process speaks to one user; `withLocale` scopes it for a call (tests, one request).
import { CATALOG, type MessageId } from './catalog';
import { fillTemplate, type MessageArgs } from './format';
import type { Locale } from './locale';

let current: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Runs `fn` with `locale` as the language and restores the previous one after, also on a throw. */
export function withLocale<R>(locale: Locale, fn: () => R): R {
  const before = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** The template of `id` in `locale` (the English one if the id were somehow missing). */
export function template(id: MessageId, locale: Locale = current): string {
  const dot = id.indexOf('.');
  const area = id.slice(0, dot);
  const key = id.slice(dot + 1);
  const pick = (l: Locale): string | undefined => (CATALOG[l] as Record<string, Record<string, string> | undefined>)[area]?.[key];
  return pick(locale) ?? pick('en') ?? id;
}

export function t(id: MessageId, args?: MessageArgs): string {
  return fillTemplate(template(id), args);
}

/** `1 error` / `3 errors` in the current language. */
export function countErrors(n: number): string {
  return n === 1 ? t('common.oneError') : t('common.errors', { n });
}

/** `1 warning` / `3 warnings` in the current language. */
export function countWarnings(n: number): string {
  return n === 1 ? t('common.oneWarning') : t('common.warnings', { n });
}

/** `a, b or c` in the current language, for lists inside messages. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const sep = current === 'zh-cn' ? '、' : ', ';
  return t('common.listOr', { items: items.slice(0, -1).join(sep), last: items[items.length - 1]! });
}
