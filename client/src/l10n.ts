// Placeholder until the catalogue lands on main (then main's client/src/l10n.ts replaces this file):
// the run and evaluate areas' English templates.
export { englishTr as t } from './run/tr';
