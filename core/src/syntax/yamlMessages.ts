// eemeli/yaml's messages that people meet while typing, said through the catalogue (the English is the
// library's own text, so nothing changes in English); any other message is passed on as it is. (Not
// "Implicit map keys need to be followed by map values": the client bundle holds the catalogue, and its
// test finds eemeli/yaml in it by that sentence.)
import type { MessageId } from '../i18n/catalog';
import { t } from '../i18n/t';
import { own } from '../text/own';

/** Whole messages, by their text. */
const EXACT: Readonly<Record<string, MessageId>> = {
  'Flow map in block collection must be sufficiently indented and end with a }': 'syntax.yamlFlowMapIndent',
  'Flow sequence in block collection must be sufficiently indented and end with a ]': 'syntax.yamlFlowSeqIndent',
  'All mapping items must start at the same column': 'syntax.yamlMapColumn',
  'All sequence items must start at the same column': 'syntax.yamlSeqColumn',
  'Block collections are not allowed within flow collections': 'syntax.yamlBlockInFlow',
  'Missing closing "quote': 'syntax.yamlMissingQuote',
  'Missing , or : between flow map items': 'syntax.yamlMapItems',
  'Missing , between flow map items': 'syntax.yamlMapComma',
  'Missing , or : between flow sequence items': 'syntax.yamlSeqItems',
  'Sequence item without - indicator': 'syntax.yamlSeqDash',
  'Tabs are not allowed as indentation': 'syntax.yamlTabs',
  'Comments must be separated from other tokens by white space characters': 'syntax.yamlCommentSpace',
  'Flow map must end with a }': 'syntax.yamlFlowMapEnd',
  'Alias ending in : is ambiguous': 'syntax.yamlAliasColon',
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

/** The message for eemeli/yaml's `detail` (its position already cut off). */
export function yamlMessage(detail: string): string {
  const id = own(EXACT, detail);
  if (id) return t(id);
  for (const [re, pid, names] of PATTERNS) {
    const m = re.exec(detail);
    if (m) return t(pid, Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])));
  }
  return t('syntax.yamlParser', { detail });
}
