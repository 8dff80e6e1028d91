// Lists inside messages: `a, b, c` in English, `a、b、c` in Chinese (the enumeration comma).
import { getLocale } from '../../../core/src/index';

export function joinList(items: readonly string[]): string {
  return items.join(getLocale() === 'zh-cn' ? '、' : ', ');
}
