import type { Translation } from '../types';
import type { summary as en } from '../en/summary';

export const summary: Translation<typeof en> = {
  colLayer: '层',
  colType: '类型',
  colOutput: '输出 W×H×D',
  colParams: '参数',
  colMacs: '乘加运算',
  colField: '感受野 / 跳距',
  inputRow: '输入',
  totalParams: '参数总数：{about}{params}（以 float32 计 {bytes}）',
  totalMacs: '乘加运算总数 (MACs)：{about}{macs}（{short}）',
  activationMemory: '激活值内存（前向，float32）：{about}{bytes}',
  estimatedOne: '≈：出错之后有 {count} 层的形状是估计的，已计入总数',
  estimatedMany: '≈：出错之后有 {count} 层的形状是估计的，已计入总数',
  problems: '{errors}，{warnings}（运行 `cnnshape check` 查看详情）；\'!\' 标出有错误的层',
  errorsOne: '{count} 个错误',
  errorsMany: '{count} 个错误',
  warningsOne: '{count} 个警告',
  warningsMany: '{count} 个警告',
  roundingAxis: '{axis} {exact} → {size}',
  defaultTitle: '模型',
};
