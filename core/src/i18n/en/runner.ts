// The runner's words in the editor (English source; the Chinese is in ../zh-cn/runner.ts).
export const runner = {
  outputChannel: 'CNN Shape Runner',
  runTiming: '{title}: first result {total} ms after the command ({phases})',
} as const;
