import type { Translation } from '../types';
import type { rename as en } from '../en/rename';

export const rename: Translation<typeof en> = {
  notAName: '把光标放在一个名字上（层的 `name:`、`inputs` 里的名字、模块或模块参数）再重命名。',
  input: "'input' 是网络输入的固定名字，不能重命名。",
  blockInput: "模块 '{block}' 默认只有一个叫 'input' 的输入：在模块里写 `inputs: [a name]` 来给它命名。",
  byIndex: '第 {index} 层没有名字（它按序号被引用）：请先给它一个 `name:`。',
  unknown: "没有名为 '{name}' 的层：没有可重命名的东西。",
  empty: '名字不能为空。',
  reserved: "'input' 是网络输入的名字：请换一个名字。",
  digits: "'{name}' 会被当作层的序号：请用含有字母的名字。",
  lineBreak: '名字只能占一行。',
  taken: "名字 '{name}' 已被第 {index} 层使用。",
  takenInBlock: "模块 '{block}' 里已经有名为 '{name}' 的层或输入。",
  prefixTaken: "'{name}' 会被读成模块使用处 '{use}' 里的一层。",
  blockWord: "模块名是由字母、数字、_ 和 - 组成的单词（不能有点号），'{name}' 不是。",
  layerType: "'{name}' 是一种层类型：请给模块换个名字。",
  blockTaken: "名为 '{name}' 的模块已经存在。",
  paramWord: "模块参数是由字母、数字和 _ 组成的单词（写作 `$name`），'{name}' 不是。",
  paramTaken: "模块 '{block}' 已经有参数 '{name}'。",
  useKey: "'{name}' 是每个模块使用处都有的键：请换一个参数名。",
};
