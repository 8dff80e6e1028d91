// Words shared by several features (English source; the Chinese is in ../zh-cn/common.ts).
export const common = {
  and: '{a} and {b}',
  listOr: '{items} or {last}',
  language: 'Language',
  oneError: '1 error',
  errors: '{n} errors',
  oneWarning: '1 warning',
  warnings: '{n} warnings',
} as const;
