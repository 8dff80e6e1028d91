// eemeli/yaml's messages that people meet while typing, said through the catalogue (the English is the
// library's own text, so nothing changes in English); any other message is passed on as it is. (Not
// "Implicit map keys need to be followed by map values": the client bundle holds the catalogue, and its
// test finds eemeli/yaml in it by that sentence.)
import type { MessageId } from '../i18n/catalog';
import { getLocale, t } from '../i18n/t';
import { own } from '../text/own';

/** Whole messages, by their text: the keys are eemeli/yaml's messages to match (data), the values say them. */
const EXACT: Readonly<Record<string, MessageId>> = {
  'Flow map in block collection must be sufficiently indented and end with a }': 'syntax.yamlFlowMapIndent', // l10n-ignore
  'Flow sequence in block collection must be sufficiently indented and end with a ]': 'syntax.yamlFlowSeqIndent', // l10n-ignore
  'All mapping items must start at the same column': 'syntax.yamlMapColumn', // l10n-ignore
  'All sequence items must start at the same column': 'syntax.yamlSeqColumn', // l10n-ignore
  'Block collections are not allowed within flow collections': 'syntax.yamlBlockInFlow', // l10n-ignore
  'Missing closing "quote': 'syntax.yamlMissingQuote', // l10n-ignore
  'Missing , or : between flow map items': 'syntax.yamlMapItems', // l10n-ignore
  'Missing , between flow map items': 'syntax.yamlMapComma', // l10n-ignore
  'Missing , or : between flow sequence items': 'syntax.yamlSeqItems', // l10n-ignore
  'Sequence item without - indicator': 'syntax.yamlSeqDash', // l10n-ignore
  'Tabs are not allowed as indentation': 'syntax.yamlTabs', // l10n-ignore
  'Comments must be separated from other tokens by white space characters': 'syntax.yamlCommentSpace', // l10n-ignore
  'Flow map must end with a }': 'syntax.yamlFlowMapEnd', // l10n-ignore
  'Alias ending in : is ambiguous': 'syntax.yamlAliasColon', // l10n-ignore
};

/** Messages with a part taken from the text (a token's name, what a value starts with). */
const PATTERNS: ReadonlyArray<[RegExp, MessageId, readonly string[]]> = [
  [/^Unexpected (\S+) token in YAML stream: (.*)$/s, 'syntax.yamlUnexpectedInStream', ['token', 'text']],
  [/^Unexpected (\S+) token in YAML stream$/, 'syntax.yamlUnexpectedInStreamBare', ['token']],
  [/^Unexpected (\S+) token in YAML document: (.*)$/s, 'syntax.yamlUnexpectedInDocument', ['token', 'text']],
  [/^Unexpected (\S+) token$/, 'syntax.yamlUnexpectedToken', ['token']],
  [/^Unexpected (\S+) at node end$/, 'syntax.yamlUnexpectedAtEnd', ['token']],
  [/^Plain value cannot start with (.*)$/s, 'syntax.yamlPlainStart', ['what']],
];

/** What each of eemeli/yaml's error codes means, for a message with no translation of its own. */
const BY_CODE: Readonly<Record<string, MessageId>> = {
  ALIAS_PROPS: 'syntax.yamlCodeAliasProps',
  BAD_ALIAS: 'syntax.yamlCodeBadAlias',
  BAD_DIRECTIVE: 'syntax.yamlCodeBadDirective',
  BAD_DQ_ESCAPE: 'syntax.yamlCodeBadEscape',
  BAD_INDENT: 'syntax.yamlCodeBadIndent',
  BAD_PROP_ORDER: 'syntax.yamlCodeBadPropOrder',
  BAD_SCALAR_START: 'syntax.yamlCodeBadScalarStart',
  BLOCK_IN_FLOW: 'syntax.yamlCodeBlockInFlow',
  DUPLICATE_KEY: 'syntax.yamlCodeDuplicateKey',
  KEY_OVER_1024_CHARS: 'syntax.yamlCodeLongKey',
  MISSING_CHAR: 'syntax.yamlCodeMissingChar',
  MULTIPLE_ANCHORS: 'syntax.yamlCodeAnchors',
  MULTIPLE_TAGS: 'syntax.yamlCodeTags',
  NON_STRING_KEY: 'syntax.yamlCodeNonStringKey',
  TAB_AS_INDENT: 'syntax.yamlCodeTabs',
  TAG_RESOLVE_FAILED: 'syntax.yamlCodeTag',
  UNEXPECTED_TOKEN: 'syntax.yamlCodeUnexpected',
  BAD_COLLECTION_TYPE: 'syntax.yamlCodeCollectionType',
  IMPOSSIBLE: 'syntax.yamlCodeInternal',
};

/**
 * The message for eemeli/yaml's `detail` (its position already cut off) and its error `code`. A message
 * with no translation of its own is the library's text in English and, in another language, what its
 * code means with the library's text beside it.
 */
export function yamlMessage(detail: string, code?: string): string {
  const id = own(EXACT, detail);
  if (id) return t(id);
  for (const [re, pid, names] of PATTERNS) {
    const m = re.exec(detail);
    if (m) return t(pid, Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])));
  }
  const what = code === undefined ? undefined : own(BY_CODE, code);
  if (what && getLocale() !== 'en') return t('syntax.yamlByCode', { what: t(what), detail });
  return t('syntax.yamlParser', { detail });
}
