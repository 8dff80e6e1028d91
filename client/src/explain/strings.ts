// The page's text: every template of the `explain` area that the page shows, in the user's language
// (client/src/l10n.ts). The page fills the `{name}` placeholders itself (it has the numbers), so no
// English is in the page script and nothing is concatenated.
import type { MessageId } from '../../../core/src/index';
import { t } from '../l10n';
import type { ExplainStrings } from './messages';

/** Keys the page uses (the host's own messages are not sent). */
const PAGE_KEYS = [
  'heading', 'first', 'back', 'play', 'pause', 'step', 'last', 'speed', 'stepOf', 'inputGrid', 'outputGrid',
  'legendInput', 'legendPadding', 'legendWindow', 'legendUncovered', 'legendOverhang', 'crop', 'formula', 'axisWidth', 'axisHeight',
  'whole', 'notWhole', 'overhangCols', 'overhangRows', 'uncoveredCols', 'uncoveredRows', 'depthTitle', 'depthConv', 'depthConvGroups',
  'depthPool', 'fieldTitle', 'fieldFirst', 'fieldLater', 'fieldUnknown', 'fixesTitle', 'noFixes', 'noFixesOffered', 'tryFix', 'applyFix',
  'showing', 'backToFile', 'noLayerPage',
] as const;

/** The templates, placeholders left in (t() without arguments fills nothing). */
export function pageStrings(): ExplainStrings {
  return Object.fromEntries(PAGE_KEYS.map((k) => [k, t(`explain.${k}` satisfies MessageId)]));
}
