import type { Translation } from '../types';
import type { layerRef as en } from '../en/layerRef';

export const layerRef: Translation<typeof en> = {
  kindInt: '整数 ≥ {min}',
  kindPair: '整数或 [高, 宽]，每个 ≥ {min}',
  kindPadding: '整数、[高, 宽]、{words}',
  kindBool: 'true 或 false',
  kindNumber: '数',
  kindNumberRange: '数，{range}',
  kindEnum: '取 {values} 之一',
  kindSides: '整数、[高, 宽] 或 [上, 下, 左, 右]，每个 ≥ 0',
  kindRef: '某一层的名字（同 `inputs` 里的写法）',
  required: '必填',
  defaultValue: '默认 {value}',
  defaultFrom: '默认：等于 {param}',
  optional: '可选',
};
