// Every word of the graph view (page and panel), in one place with named placeholders, so that it can
// move into the message catalogue (area `graph`) as a whole. The page gets its share as a `strings`
// object from the extension: there is no English in the page script.
export const GRAPH_TEXT = {
  panelTitle: 'Model Graph',
  panelTitleOf: 'Graph: {title}',
  toolbar: 'Graph',
  fit: 'Fit',
  fitTitle: 'Fit to view (0)',
  zoomIn: '+',
  zoomInTitle: 'Zoom in (+)',
  zoomOut: '−',
  zoomOutTitle: 'Zoom out (−)',
  collapse: 'Collapse blocks',
  collapseTitle: 'Collapse every block',
  expand: 'Expand blocks',
  expandTitle: 'Expand every block',
  searchPlaceholder: 'Find layer (/)',
  searchLabel: 'Find a layer by name',
  overview: 'Overview',
  overviewTitle: 'Show or hide the overview (o)',
  exportSvg: 'SVG',
  exportSvgTitle: 'Save the picture as SVG',
  exportPng: 'PNG',
  exportPngTitle: 'Save the picture as PNG',
  layingOut: 'Laying out…',
  viewportLabel: 'Model graph: arrows move between layers, Enter goes to the layer',
  // The page's own (filled in the page from the `strings` object).
  status: '{layers} layers · drawn in {ms} ms',
  found: '{count} found',
  drawFailed: 'The graph could not be drawn: {error}',
  pngFailed: 'PNG export failed: {error}',
  svgNotImage: 'the SVG did not load as an image',
  noCanvas: 'no canvas',
  // The extension's.
  errorPrefix: 'CNN Shape: {message}',
  exportIsModel: 'CNN Shape: that is the model file itself; choose another file.',
  exportWrote: 'CNN Shape: wrote {file}',
} as const;

export type GraphTextKey = keyof typeof GRAPH_TEXT;

/** The page's share of the texts. */
export const PAGE_KEYS = ['status', 'found', 'drawFailed', 'pngFailed', 'svgNotImage', 'noCanvas'] as const satisfies readonly GraphTextKey[];
export type PageStrings = Record<(typeof PAGE_KEYS)[number], string>;

/** A text with its `{name}` placeholders filled (a placeholder without a value stays as written). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function graphText(key: GraphTextKey, values?: Record<string, string | number>): string {
  return fill(GRAPH_TEXT[key], values);
}

export function pageStrings(): PageStrings {
  return Object.fromEntries(PAGE_KEYS.map((k) => [k, GRAPH_TEXT[k]])) as PageStrings;
}
