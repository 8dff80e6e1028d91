// Messages between the graph page (webview) and the extension. Types and checks only, no vscode import.
import type { ModelGraph } from '../../../server/src/graph/types';

export type ToGraphPage =
  /** A new graph (after an edit or for another document); `reset` when it is another document (fit, default collapse). */
  | { type: 'graph'; version: number; graph: ModelGraph; reset: boolean }
  /** The layers under the editor's cursor (several for a block definition: every copy). */
  | { type: 'highlight'; layers: number[] }
  /** What the text hover says for a layer, as plain text. */
  | { type: 'hover'; layer: number; text: string }
  /** For tests: click the node of a layer, as a user would. */
  | { type: 'click'; layer: number }
  /**
   * For tests, as a user would: focus a box (by its id, `L5`), press a key where the focus is, type into
   * the search box (and press Enter there), click a toolbar button; the page answers with a probe.
   */
  | { type: 'act'; focus?: string; key?: string; search?: string; searchEnter?: boolean; button?: string };

/** Where a redraw's time went (ms): the visible graph and its layout, the SVG text, the DOM (drawing, overview, marks). */
export interface DrawPhases {
  layout: number;
  svg: number;
  dom: number;
}

/** What the page shows after an `act`: the focused box, the search hits, the box the search went to. */
export interface PageProbe {
  type: 'probe';
  /** The id of the box with the keyboard focus (`L5`, `G:layer1`), or null. */
  focused: string | null;
  /** The ids of the boxes the search marks. */
  found: string[];
  /** The box the last Enter in the search box went to, or null. */
  foundAt: string | null;
  /** The focused box, else the one the search went to, is inside the visible area. */
  inView: boolean;
  overview: boolean;
}

export type FromGraphPage =
  /** The page's script has loaded: messages sent before this may have been lost. */
  | { type: 'ready' }
  | { type: 'reveal'; layer: number }
  | { type: 'hover'; layer: number }
  /** The page has drawn `version`: so many layer nodes, those layers red; `cached`: the previous layout was reused. */
  | { type: 'shown'; version: number; layerNodes: number; red: number[]; ms: number; cached: boolean; phases: DrawPhases }
  | PageProbe
  | { type: 'export'; format: 'svg' | 'png'; data: string }
  | { type: 'error'; message: string };

const index = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isFromGraphPage(m: unknown): m is FromGraphPage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r['type']) {
    case 'ready':
      return true;
    case 'reveal':
    case 'hover':
      return index(r['layer']);
    case 'shown':
      return index(r['version']) && index(r['layerNodes']) && Array.isArray(r['red']) && r['red'].every(index) && typeof r['ms'] === 'number' && typeof r['cached'] === 'boolean' && isPhases(r['phases']);
    case 'probe':
      return (r['focused'] === null || typeof r['focused'] === 'string') && Array.isArray(r['found']) && r['found'].every((x) => typeof x === 'string') &&
        (r['foundAt'] === null || typeof r['foundAt'] === 'string') && typeof r['inView'] === 'boolean' && typeof r['overview'] === 'boolean';
    case 'export':
      return (r['format'] === 'svg' || r['format'] === 'png') && typeof r['data'] === 'string';
    case 'error':
      return typeof r['message'] === 'string';
    default:
      return false;
  }
}

function isPhases(v: unknown): v is DrawPhases {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['layout', 'svg', 'dom'].every((k) => typeof r[k] === 'number');
}
