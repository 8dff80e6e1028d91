// Which language to speak. Editors send BCP 47 tags (`zh-cn`, `zh-Hans`, `zh-TW`), terminals send POSIX
// locales (`zh_CN.UTF-8`); both map to one of the catalogue's languages, English when unknown.

export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];

/** `zh`, `zh-CN`, `zh-Hans`, `zh_CN.UTF-8`, `zh-SG` → 'zh-cn'; anything else (or nothing) → 'en'. */
export function pickLocale(tag: string | undefined | null): Locale {
  if (typeof tag !== 'string') return 'en';
  const t = tag.trim().toLowerCase().replace(/_/g, '-').replace(/[.@].*$/, '');
  if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.startsWith('zh-hans') || t === 'zh-chs') return 'zh-cn';
  return 'en';
}

/** A setting `auto` | `en` | `zh-cn` over the editor's or system's tag. */
export function chooseLocale(setting: unknown, fallbackTag: string | undefined): Locale {
  if (setting === 'en' || setting === 'zh-cn') return setting;
  return pickLocale(fallbackTag);
}

/** The POSIX order: LC_ALL, then LC_MESSAGES, then LANG (the first one set and not empty wins). */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[k];
    if (v) return pickLocale(v);
  }
  return 'en';
}
