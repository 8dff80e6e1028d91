import type { Span } from '../syntax/ast';
import type { Code } from './codes';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedInfo {
  span: Span;
  message: string;
}

/** What a quick fix needs, without re-deriving it from the message. */
export type FixData =
  | { kind: 'replace'; span: Span; suggestions: Array<{ text: string; title: string }> }
  | { kind: 'insert-flatten'; at: number; indent: string }
  | { kind: 'set-value'; span: Span; value: string }
  | { kind: 'padding-stride'; layerIndex: number; options: Array<{ padding?: number; stride?: number; result: string }> }
  /** A 1×1 convolution to `filters` on the input `source` (written at `ref` in the layer's inputs), inserted before the layer. */
  | { kind: 'projection'; layerIndex: number; ref: Span; source: string; filters: number };

export interface CoreDiagnostic {
  severity: Severity;
  code: Code;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  /** 'unnecessary' fades the text in editors (an unused layer). */
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** The layer the diagnostic belongs to, if any. */
  layerIndex?: number;
  fix?: FixData;
}
