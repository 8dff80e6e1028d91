// Fills a template's `{name}` placeholders. Written by hand: ICU MessageFormat libraries (formatjs,
// messageformat) would bring plural and number rules that neither English nor Chinese messages here need,
// and numbers must stay exactly as the arithmetic prints them in every language (no locale grouping).

export type MessageArg = string | number;
export type MessageArgs = Readonly<Record<string, MessageArg>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names a template uses, sorted and without repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** `{name}` → `String(args.name)`; a placeholder without an argument stays visible as `{name}`. */
export function fillTemplate(template: string, args: MessageArgs | undefined): string {
  if (!args) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole));
}
