// VS Code's `l10n/bundle.l10n.<lang>.json`: English text → translation, for `vscode.l10n.t` in the client
// (client/src/l10n.ts passes the catalogue's English template as the key). Made from the one catalogue.
import { CATALOG, EN } from '../../core/src/index';
import type { Locale } from '../../core/src/index';

export function l10nBundle(locale: Exclude<Locale, 'en'>): Record<string, string> {
  const out: Record<string, string> = {};
  const target = CATALOG[locale] as Record<string, Record<string, string>>;
  for (const [area, messages] of Object.entries(EN as Record<string, Record<string, string>>)) {
    for (const [key, english] of Object.entries(messages)) {
      const translated = target[area]?.[key];
      if (translated !== undefined && !(english in out)) out[english] = translated;
    }
  }
  return out;
}

/** `package.nls.json` (English) or `package.nls.<lang>.json`: the catalogue's `nls` area, key → text. */
export function packageNls(locale: Locale): Record<string, string> {
  return { ...(CATALOG[locale].nls as Record<string, string>) };
}
