// The window layers' size messages (core/src/layers/window.ts: conv and the pools): an output size that
// is not whole, or below 1. `{axes}` is a rendered axis name ("width", "width and height"), `{arithmetic}`
// the per-axis arithmetic as the hover shows it. Chinese: ../zh-cn/window.ts.
export const window = {
  notWhole: 'output {axes} {arithmetic} is not a whole number',
  notWholePlural: 'output {axes} {arithmetic} are not whole numbers',
  roundedCeil: 'output {axes} {arithmetic}: the size is not whole and was rounded (PyTorch ceil_mode)',
  roundedCeilPlural: 'output {axes} {arithmetic}: the sizes are not whole and were rounded (PyTorch ceil_mode)',
  roundedFloor: 'output {axes} {arithmetic}: the size is not whole and was rounded (floor)',
  roundedFloorPlural: 'output {axes} {arithmetic}: the sizes are not whole and were rounded (floor)',
  emptyOutput: 'output {axes} {arithmetic} is below 1: the kernel ({kernel}) is larger than the padded input ({padded})',
  emptyOutputDilated: 'output {axes} {arithmetic} is below 1: the dilated kernel ({kernel}) is larger than the padded input ({padded})',
} as const;
