// The message catalogue's public face (re-exported by the core's entry).
export { CATALOG, EN, type MessageId } from './catalog';
export { fillTemplate, placeholdersOf, type MessageArg, type MessageArgs } from './format';
export { GLOSSARY, type GlossaryTerm } from './glossary';
export { LOCALES, chooseLocale, localeFromEnv, pickLocale, type Locale } from './locale';
export { countErrors, countWarnings, getLocale, listOr, setLocale, t, template, withLocale } from './t';
