// 运行器在编辑器中的文字（英文原文见 ../en/runner.ts）。
import type { Translation } from '../types';
import type { runner as en } from '../en/runner';

export const runner: Translation<typeof en> = {
  outputChannel: 'CNN Shape 运行器',
  runTiming: '{title}：命令发出后 {total} 毫秒得到第一个结果（{phases}）',
};
