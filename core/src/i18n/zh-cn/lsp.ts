import type { Translation } from '../types';
import type { lsp as en } from '../en/lsp';

export const lsp: Translation<typeof en> = {
  paramsNotObject: 'params 必须是对象，而不是 {kind}',
  uriNotString: 'params.textDocument.uri 必须是字符串',
  badPosition: 'params.position 必须是 {line, character}，两者都是不小于 0 的整数',
  badRange: 'params.range 必须是 {start, end}，每个都是 {line, character}，且为不小于 0 的整数',
  badContext: 'params.context 必须是对象',
  anArray: '数组',
  uriParamNotString: 'params.uri 必须是字符串',
  versionNotWhole: '给出 params.version 时必须是整数',
  badNewName: 'params.newName 必须是字符串',
  internalError: 'cnn-shape 无法检查这个文件（检查器的缺陷，请报告它）：{error}',
  layerIndexNotWhole: 'params.layerIndex 必须是不小于 0 的整数',
  needsPositionOrLayer: 'params 需要 position 或 layerIndex',
};
