// The command-line JSON of the format spec: 0-based LSP positions made at this edge by TextDocument.
import type { Shape } from '../../core/src/index';
import type { LoadedModel } from './files';

export interface CliPosition {
  line: number;
  character: number;
}

export function toCliJson(m: LoadedModel) {
  const range = (s: { start: number; end: number }) => ({ start: m.doc.positionAt(s.start), end: m.doc.positionAt(s.end) });
  const shape = (s: Shape | null) => (s ? { width: s.width, height: s.height, depth: s.depth } : null);
  return {
    file: m.file,
    diagnostics: m.analysis.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      range: range(d.span),
      ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ message: r.message, range: range(r.span) })) } : {}),
    })),
    layers: m.analysis.layers.map((l) => ({
      index: l.decl.index,
      name: l.decl.id,
      type: l.decl.type,
      ...(l.decl.block ? { block: l.decl.block.use } : {}),
      input: shape(l.inputShapes[0] ?? null),
      // The spec: null where the output cannot be computed; an estimate after an error is not a result.
      output: l.estimated ? null : shape(l.output),
      params: l.params,
      macs: l.macs,
      ...(l.field ? { receptiveField: { width: l.field.size[1], height: l.field.size[0] }, jump: { width: l.field.jump[1], height: l.field.jump[0] } } : {}),
    })),
  };
}
