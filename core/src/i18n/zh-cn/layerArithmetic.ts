import type { Translation } from '../types';
import type { layerArithmetic as en } from '../en/layerArithmetic';

export const layerArithmetic: Translation<typeof en> = {
  width: '宽度：{text}',
  height: '高度：{text}',
  widthHeight: '宽度、高度：{text}',
  depth: '深度：{text}',
  depthFilters: '深度：卷积核数 filters = {filters}',
  depthUnchanged: '深度：不变 = {depth}',
  parameters: '参数：{text}',
  parametersNoAffine: '参数：0（affine: false）',
  sameTransposed: "{n}·{s} = {size}（填充 padding 'same'）",
  adaptiveWidth: '宽度：size = {size}（由 {n} 而来：{windows}）',
  adaptiveHeight: '高度：size = {size}（由 {n} 而来：{windows}）',
  adaptiveEvery: '每个窗口 {k}',
  adaptiveWindows: '窗口 {sizes}',
  cropCentreWidth: '宽度：{n} − {target} = {diff}：左边 {first}，右边 {second} → {target}',
  cropCentreHeight: '高度：{n} − {target} = {diff}：上边 {first}，下边 {second} → {target}',
  denseUnits: '1 × 1 × units（输出单元数）= 1 × 1 × {units}',
  groupnormGroups: '{groups} 组，每组 {depth}/{groups} = {ratio} 个通道',
  instancenormPositions: '{depth} 个通道各自在 {positions} 个位置上归一化',
  layernormPositions: '在 {positions} 个位置上各自对 {depth} 个通道归一化',
  lrnFormula: 'x / ({k} + {alpha}/{size} · Σ x²，对 {size} 个通道求和)^{beta}',
  multiplyBroadcast: '{shapes} → {output}（尺寸为 1 的轴被广播）',
  scaleChannels: '{depth} 个通道各乘以自己的权重',
  shuffleGroups: '{depth} 个通道看作 {groups} × {per}，再转置',
  sliceDepth: '深度：{depth} 个通道中的 [{from}, {to}) = {to} − {from} = {size}',
};
