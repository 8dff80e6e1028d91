// Client strings from the one catalogue (core/src/i18n). With `cnnShape.language: auto` they go through
// `vscode.l10n.t`, which reads the generated `l10n/bundle.l10n.<lang>.json` for VS Code's display
// language; an explicit `en` or `zh-cn` takes the catalogue's text directly, so the setting changes the
// client's words as it changes the server's.
import * as vscode from 'vscode';
import { fillTemplate, template, type Locale, type MessageArgs, type MessageId } from '../../core/src/index';
import { CONFIG_SECTION } from './config';

function chosenLocale(): Locale | undefined {
  const v = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('language');
  return v === 'en' || v === 'zh-cn' ? v : undefined;
}

export function t(id: MessageId, args?: MessageArgs): string {
  const locale = chosenLocale();
  if (locale) return fillTemplate(template(id, locale), args);
  const english = template(id, 'en');
  return args ? vscode.l10n.t(english, args as Record<string, string | number>) : vscode.l10n.t(english);
}
