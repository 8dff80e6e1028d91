// The page's text: every template of the `explain` area that the page shows, in the user's language.
// The page fills the `{name}` placeholders itself (it has the numbers); no English is in the page script.
// TEMPORARY: the English side directly, until the catalogue's client t() (client/src/l10n.ts) lands.
import { explain } from '../../../core/src/i18n/en/explain';
import type { ExplainStrings } from './messages';

/** Keys the page uses (the host's own messages are not sent). */
const PAGE_KEYS = [
  'heading', 'first', 'back', 'play', 'pause', 'step', 'last', 'speed', 'stepOf', 'inputGrid', 'outputGrid',
  'legendInput', 'legendPadding', 'legendWindow', 'legendUncovered', 'legendOverhang', 'crop', 'formula', 'axisWidth', 'axisHeight',
  'whole', 'notWhole', 'overhangCols', 'overhangRows', 'uncoveredCols', 'uncoveredRows', 'depthTitle', 'depthConv', 'depthConvGroups',
  'depthPool', 'fieldTitle', 'fieldFirst', 'fieldLater', 'fieldUnknown', 'fixesTitle', 'noFixes', 'noFixesOffered', 'tryFix', 'applyFix',
  'showing', 'backToFile', 'noLayerPage',
] as const satisfies ReadonlyArray<keyof typeof explain>;

export function pageStrings(): ExplainStrings {
  return Object.fromEntries(PAGE_KEYS.map((k) => [k, explain[k]]));
}

/** A host message (notifications, the panel title). */
export function hostText(key: 'openModel' | 'panelTitle' | 'panelTitleEmpty' | 'applyFailed', args?: Readonly<Record<string, string | number>>): string {
  return explain[key].replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
}
