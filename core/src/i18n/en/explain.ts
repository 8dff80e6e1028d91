// "Explain this layer": the view that draws one convolution or pooling layer in its own numbers
// (server/src/services/explain.ts, client/src/explain/), its code lens, hover link and the hover's
// dense-versus-convolution comparison (server/src/services/denseComparison.ts).
export const explain = {
  // Server: why a layer cannot be explained, and how layers are named.
  noLayer: 'Put the cursor on a conv, maxpool or avgpool layer to explain it.',
  notWindow: 'Only convolution and pooling layers (conv, maxpool, avgpool) are explained; this layer is {type}.',
  unknownShape: 'The size of this layer is not known: fix the problem on it or above it first.',
  lens: 'Explain this layer',
  hoverLink: 'Explain this layer',
  layerNamed: "'{name}' ({type})",
  layerUnnamed: 'layer {n} of {count} ({type})',
  // Hover: why convolutions (the tutorials' 100×100×3 → 1,000 neurons = 3×10⁷ weights).
  denseVsConv:
    'Dense vs convolution: {units} neurons connected to all {values} values of this {input} input would need {dense} weights; this layer\'s {filters} filters of {fw}×{fh}×{depth} have {weights}.',
  denseFirst:
    'Dense vs convolution: connected directly to the {input} network input ({values} values), these {units} neurons would need {dense} weights; here they take {features} values and have {weights}.',
  // Client.
  openModel: 'CNN Shape: put the cursor on a conv or pool layer of a model file (*.cnn.yaml, *.cnn.yml, *.cnn.json) to explain it.',
  panelTitle: 'Explain: {label}',
  panelTitleEmpty: 'Explain this layer',
  applyFailed: 'CNN Shape: the fix could not be applied (the file changed meanwhile); try again.',
  // Page: headings and controls.
  heading: '{label}: {input} → {output}',
  first: 'First window',
  back: 'Step back',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  last: 'Last window',
  speed: 'Speed',
  stepOf: 'Window {n} of {total}: output row {row}, column {col}',
  inputGrid: 'Input {w} × {h} (padding {p})',
  outputGrid: 'Output {w} × {h}',
  legendInput: 'input pixel',
  legendPadding: 'zero padding',
  legendWindow: 'window (F × F)',
  legendUncovered: 'no window covers it',
  legendOverhang: 'window over the edge',
  crop: 'Showing a crop: the first {first} and last {last} of {total} padded columns/rows are drawn to scale, the middle is squeezed.',
  // Page: the arithmetic and what is wrong.
  formula: 'Output size per axis: (W − F + 2P)/S + 1',
  axisWidth: 'width: {arithmetic}',
  axisHeight: 'height: {arithmetic}',
  whole: 'Every window fits: the output is {w} × {h}.',
  notWhole: 'Not whole: {exact} windows would fit, so the last window hangs over the edge.',
  overhangCols: 'Across, the next window would start at column {start} and hang {beyond} pixel(s) past the edge.',
  overhangRows: 'Down, the next window would start at row {start} and hang {beyond} pixel(s) past the edge.',
  uncoveredCols: '{n} column(s) of pixels on the right are read by no window.',
  uncoveredRows: '{n} row(s) of pixels at the bottom are read by no window.',
  // Page: depth and receptive field.
  depthTitle: 'Depth',
  depthConv: 'Each of the {k} filters is {fw} × {fh} × {d}: it spans the whole input depth {d} and makes one output channel, so the output depth is {k}. Weights: {k} × {perFilter} + {biases} biases = {total}.',
  depthConvGroups: 'The {d} input channels are split into {g} groups: each of the {k} filters spans {dg} of them ({fw} × {fh} × {dg}) and makes one output channel, so the output depth is {k}. Weights: {total}.',
  depthPool: 'Pooling works on each of the {d} channels on its own: the depth stays {d}, and there are no weights.',
  fieldTitle: 'Receptive field',
  fieldFirst: 'Each output pixel sees {fw} × {fh} pixels of the network input (the window itself).',
  fieldLater: 'Each output pixel sees {fw} × {fh} pixels of the network input: the layers before see {bw} × {bh} with a jump of {jw} × {jh} pixels, and this {kw} × {kh} window adds (F − 1) × jump: {bw} + ({kw} − 1)·{jw} = {fw}.',
  fieldUnknown: 'The receptive field is not known here.',
  // Page: fixes.
  fixesTitle: 'Quick fixes',
  noFixes: 'The size is whole: no fix needed.',
  noFixesOffered: 'No quick fix is offered for this layer.',
  tryFix: 'Try',
  applyFix: 'Apply to the file',
  showing: 'Trying: {title}. The file is unchanged.',
  backToFile: 'Back to the file',
  noLayerPage: 'Nothing to explain here.',
} as const;
