// Messages between the "Explain this layer" page (webview) and the extension. Types and checks only,
// no vscode import. The page draws what the server computed (cnnShape/explain); it analyses nothing.
import type { ExplainResult } from '../../../server/src/lsp/customRequests';

/** The page's text: message templates with `{name}` placeholders, in the user's language (strings.ts). */
export type ExplainStrings = Readonly<Record<string, string>>;

export type ControlAction = 'first' | 'back' | 'play' | 'pause' | 'step' | 'last';

export type ToExplainPage =
  /** A layer to draw (a new one, or the same after an edit): the page keeps its step where it can. */
  | { type: 'explain'; answer: ExplainResult; strings: ExplainStrings }
  /** For tests: press a control, or a fix's Try / Apply button, or Back to the file, as a user would. */
  | { type: 'press'; control: ControlAction }
  | { type: 'pressFix'; fix: number; button: 'try' | 'apply' }
  | { type: 'pressBack' };

/** What the page has drawn, counted from its own drawing (for tests and the host's `inPage`). */
export interface ExplainDrawn {
  version: number;
  layerIndex: number | null;
  /** The fix being tried (its index in the answer's fixes), or null for the file's own numbers. */
  trying: number | null;
  /** Input W × H and the padding drawn, output W × H. */
  input: [number, number];
  padding: { top: number; bottom: number; left: number; right: number };
  output: [number, number];
  /** Cells drawn: input pixels, padding, pixels no window covers; whether the input is a crop. */
  cells: { input: number; padding: number; uncovered: number; output: number; filled: number };
  cropped: boolean;
  /** Overhanging windows drawn (across, down). */
  overhang: { across: boolean; down: boolean };
  /** The animation: current window (0-based) of `total`, and whether it plays. */
  step: number;
  total: number;
  playing: boolean;
  /** Fix titles listed, and the text of the arithmetic lines shown. */
  fixes: string[];
  arithmetic: string[];
  /** The receptive field sentence shown. */
  field: string;
}

export type FromExplainPage =
  /** The page's script has loaded: messages sent before this may have been lost. */
  | { type: 'ready' }
  | { type: 'drawn'; state: ExplainDrawn }
  /** Apply fix `fix` of the answer for `version` to the file. */
  | { type: 'apply'; version: number; fix: number }
  /** Select the layer in the editor. */
  | { type: 'reveal' };

const index = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isFromExplainPage(m: unknown): m is FromExplainPage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r['type']) {
    case 'ready':
    case 'reveal':
      return true;
    case 'drawn':
      return typeof r['state'] === 'object' && r['state'] !== null && index((r['state'] as Record<string, unknown>)['version']);
    case 'apply':
      return index(r['version']) && index(r['fix']);
    default:
      return false;
  }
}
