// What the language server itself says to users (server/src/lsp/*): malformed requests, a checker bug.
// The Chinese is in ../zh-cn/lsp.ts.
export const lsp = {
  paramsNotObject: 'params must be an object, not {kind}',
  uriNotString: 'params.textDocument.uri must be a string',
  badPosition: 'params.position must be {line, character} with whole numbers of at least 0',
  badRange: 'params.range must be {start, end}, each {line, character} with whole numbers of at least 0',
  badContext: 'params.context must be an object',
  anArray: 'an array',
  uriParamNotString: 'params.uri must be a string',
  versionNotWhole: 'params.version must be a whole number when given',
  badNewName: 'params.newName must be a string',
  internalError: 'cnn-shape could not check this file (a bug in the checker, please report it): {error}',
  layerIndexNotWhole: 'params.layerIndex must be a whole number of at least 0',
  needsPositionOrLayer: 'params needs position or layerIndex',
} as const;
