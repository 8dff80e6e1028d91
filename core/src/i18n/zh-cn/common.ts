import type { Translation } from '../types';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  and: '{a}和{b}',
  listOr: '{items}或{last}',
  language: '语言',
  oneError: '1 个错误',
  errors: '{n} 个错误',
  oneWarning: '1 个警告',
  warnings: '{n} 个警告',
};
