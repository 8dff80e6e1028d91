import type { Translation } from '../types';
import type { fixes as en } from '../en/fixes';

export const fixes: Translation<typeof en> = {
  setKeyArrives: '把 {key} 设为 {value}（实际传入的值）',
  setValueArrives: '把这个值设为 {value}（实际传入的值）',
  insertFlatten: '在这一层前插入一个拉直 (flatten) 层',
  setPadding: '把填充 (padding) 设为 {value} → {result}',
  setStride: '把步幅 (stride) 设为 {value} → {result}',
  project: "用 1×1 卷积把 '{source}' 投影到深度 {filters}",
  projectTo: "用 1×1 卷积把 '{source}' 投影到深度 {filters} → {shape}",
};
