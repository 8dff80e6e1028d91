// TEMPORARY until the message catalogue (core/src/i18n) lands on main: `t('explain.key', args)` over
// the English side of this feature's area. Replaced by the catalogue's t() on merge.
import { explain } from '../../../core/src/i18n/en/explain';

type Key = keyof typeof explain;

export function t(id: `explain.${Key}`, args?: Readonly<Record<string, string | number>>): string {
  const template: string = explain[id.slice('explain.'.length) as Key];
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
}
