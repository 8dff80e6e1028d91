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
  | { type: 'click'; layer: number };

export type FromGraphPage =
  /** The page's script has loaded: messages sent before this may have been lost. */
  | { type: 'ready' }
  | { type: 'reveal'; layer: number }
  | { type: 'hover'; layer: number }
  /** The page has drawn `version`: so many layer nodes, those layers red. */
  | { type: 'shown'; version: number; layerNodes: number; red: number[]; ms: number }
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
      return index(r['version']) && index(r['layerNodes']) && Array.isArray(r['red']) && r['red'].every(index) && typeof r['ms'] === 'number';
    case 'export':
      return (r['format'] === 'svg' || r['format'] === 'png') && typeof r['data'] === 'string';
    case 'error':
      return typeof r['message'] === 'string';
    default:
      return false;
  }
}
