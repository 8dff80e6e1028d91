import type { Translation } from '../types';
import type { suggest as en } from '../en/suggest';

export const suggest: Translation<typeof en> = {
  didYouMean: '是不是想写 {names}？',
  thenSentence: '{message}{next}',
  thenClause: '{message}。{next}',
  changeTo: "改为 '{name}'",
};
