import type { Translation } from '../types';
import type { lenses as en } from '../en/lenses';

export const lenses: Translation<typeof en> = {
  totals: '{params} 个参数 · {macs} 次乘加运算 (MACs)（{label}）',
  totalsSmall: '{params} 个参数 · {macs} 次乘加运算 (MACs)',
  run: '▶ 运行',
  graph: '◇ 结构图',
  uses: '{label}（使用 {count} 次）',
  copies: '{label}（{count} 份）',
  hintTooltip: '这一层的输出：宽 × 高 × 深度。把鼠标停在这一层上可以看到计算过程。',
  hintTooltipRuns: '这一层或模块每一份的输出：宽 × 高 × 深度。',
  oneLayer: '1 层',
  layers: '{count} 层',
  layersTo: '{count} 层 → {shape}',
  oneLayerTo: '1 层 → {shape}',
  layerNumber: '第 {index} 层',
  block: '模块',
  blockParams: '模块（{params}）',
};
