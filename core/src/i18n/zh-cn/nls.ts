import type { Translation } from '../types';
import type { nls as en } from '../en/nls';

export const nls: Translation<typeof en> = {
  'displayName': 'CNN Shape',
  'description': '在你编写卷积神经网络时给出每一层的宽 × 高 × 深度，讲清其中的算术，并能把网络运行在图片上，看它得出什么。',
  'command.showSummary.title': '显示模型摘要',
  'command.category': 'CNN Shape',
  'command.showGraph.title': '显示模型结构图',
  'command.restartServer.title': '重启语言服务器',
  'command.explainLayer.title': '讲解这一层',
  'command.runModel.title': '在图片上运行模型…',
  'command.exportPytorch.title': '导出为 PyTorch…',
  'command.copyPytorch.title': '复制为 PyTorch 代码',
  'language.cnn-yaml.alias': 'CNN 模型 (YAML)',
  'language.cnn-json.alias': 'CNN 模型 (JSON)',
  'configuration.title': 'CNN Shape',
  'config.rounding.default.markdownDescription': '当输出尺寸 `(n + 2p − d(k − 1) − 1)/s + 1` 不是整数时如何处理（适用于没有自己的 `rounding:` 键的模型文件）。',
  'config.rounding.default.markdownEnumDescriptions.0': '输出尺寸不是整数即为错误（格式的默认做法）。',
  'config.rounding.default.markdownEnumDescriptions.1': '向下取整，与 PyTorch 和 Keras 的 `valid` 相同；这种情况以“信息”级别提示。',
  'config.rounding.default.markdownEnumDescriptions.2': '向上取整，与 PyTorch 的 `ceil_mode` 相同；这种情况以“信息”级别提示。',
  'config.inlayHints.enabled.markdownDescription': '在每一层之后以内嵌提示显示该层的输出形状（`→ W×H×D`）。',
  'config.language.markdownDescription': 'CNN Shape 的消息、悬停提示和视图所用的语言。`auto` 跟随 VS Code 的显示语言。',
  'config.language.enumDescriptions.0': '跟随 VS Code 的显示语言。',
  'config.language.enumDescriptions.1': 'English（英语）。',
  'config.language.enumDescriptions.2': '简体中文 (Simplified Chinese)。',
  'config.trace.server.description': '在“输出”视图中记录 VS Code 与 CNN Shape 语言服务器之间的消息。',
  'untrustedWorkspaces.description': '运行模型会读取其 `weights:` 和 `labels:` 指定的文件，并用 onnxruntime 运行它们；你不信任的工作区不应能做到这一点。',
};
