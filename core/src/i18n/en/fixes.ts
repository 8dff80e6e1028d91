// Quick-fix titles of the language server (server/src/services/codeActions.ts). The Chinese is in ../zh-cn/fixes.ts.
export const fixes = {
  setKeyArrives: 'Set {key} to {value} (what arrives)',
  setValueArrives: 'Set the value to {value} (what arrives)',
  insertFlatten: 'Insert a flatten layer before this layer',
  setPadding: 'Set padding to {value} → {result}',
  setStride: 'Set stride to {value} → {result}',
  project: "Project '{source}' with a 1×1 convolution to depth {filters}",
  projectTo: "Project '{source}' with a 1×1 convolution to depth {filters} → {shape}",
} as const;
