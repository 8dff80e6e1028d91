// The graph view's words come from the catalogue (area `graph`, core/src/i18n/en/graph.ts). The page
// gets its share as a `strings` object of templates from the extension and fills the `{name}`
// placeholders itself: there is no English in the page script. No vscode import (the page uses this).
import type { MessageId } from '../../../core/src/index';

/** The page's own texts (filled in the page). */
export const PAGE_KEYS = ['status', 'found', 'drawFailed', 'pngFailed', 'svgNotImage', 'noCanvas'] as const;
export type PageStrings = Record<(typeof PAGE_KEYS)[number], string>;

/** A graph-area message id from its key. */
export type GraphKey = Extract<MessageId, `graph.${string}`> extends `graph.${infer K}` ? K : never;

/** How the caller translates (the client's `t`, the core's in tests). */
export type Translate = (id: MessageId) => string;

export function pageStrings(text: Translate): PageStrings {
  return Object.fromEntries(PAGE_KEYS.map((k) => [k, text(`graph.${k}`)])) as PageStrings;
}

/** A template's `{name}` placeholders filled (as the catalogue's fillTemplate; a missing one stays). */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m));
}
