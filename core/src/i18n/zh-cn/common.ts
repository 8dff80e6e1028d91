import type { Translation } from '../types';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  and: '{a}和{b}',
  listOr: '{items}或{last}',
  language: '语言',
};
