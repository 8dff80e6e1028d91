// Code lenses, inlay-hint labels and tooltips, outline details (server/src/services/codeLenses.ts,
// inlayHints.ts, shapes.ts, documentSymbols.ts). The Chinese is in ../zh-cn/lenses.ts.
export const lenses = {
  totals: '{params} parameters · {macs} MACs ({label})',
  totalsSmall: '{params} parameters · {macs} MACs',
  run: '▶ Run',
  graph: '◇ Graph',
  uses: '{label} ({count} uses)',
  copies: '{label} ({count} copies)',
  hintTooltip: 'Output of this layer: width × height × depth. Hover the layer for the arithmetic.',
  hintTooltipRuns: 'Output of every copy of this layer or block: width × height × depth.',
  oneLayer: '1 layer',
  layers: '{count} layers',
  layersTo: '{count} layers → {shape}',
  oneLayerTo: '1 layer → {shape}',
  layerNumber: 'layer {index}',
  block: 'block',
  blockParams: 'block ({params})',
} as const;
