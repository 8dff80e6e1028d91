import type { Translation } from '../types';
import type { window as en } from '../en/window';

export const window: Translation<typeof en> = {
  notWhole: '输出{axes} {arithmetic} 不是整数',
  notWholePlural: '输出{axes} {arithmetic} 都不是整数',
  roundedCeil: '输出{axes} {arithmetic}：尺寸不是整数，已取整（PyTorch ceil_mode，向上取整）',
  roundedCeilPlural: '输出{axes} {arithmetic}：尺寸都不是整数，已取整（PyTorch ceil_mode，向上取整）',
  roundedFloor: '输出{axes} {arithmetic}：尺寸不是整数，已取整（floor，向下取整）',
  roundedFloorPlural: '输出{axes} {arithmetic}：尺寸都不是整数，已取整（floor，向下取整）',
  emptyOutput: '输出{axes} {arithmetic} 小于 1：卷积核（{kernel}）比补零后的输入（{padded}）还大',
  emptyOutputDilated: '输出{axes} {arithmetic} 小于 1：膨胀后的卷积核（{kernel}）比补零后的输入（{padded}）还大',
};
