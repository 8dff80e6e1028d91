// The terms of the Chinese tutorials this project grew from, fixed once. tests/i18n/catalog.test.ts checks
// every translation against it: an English message that uses a term (outside `code`) must use one of its
// Chinese words, and no translation may use a word the tutorials do not (步长 for stride, 展平 for flatten).

export interface GlossaryTerm {
  /** English forms, matched as whole words, case-insensitive. */
  en: readonly string[];
  /** The tutorials' words; a translation uses at least one. */
  zh: readonly string[];
  /** Synonyms the tutorials do not use, never to appear in a translation. */
  avoid?: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: ['convolutional layer', 'convolution layer', 'conv layer'], zh: ['卷积层'] },
  { en: ['kernel', 'filter', 'filters', 'kernels'], zh: ['卷积核', '过滤器', '滤波器', '核'] },
  { en: ['stride', 'strides'], zh: ['步幅'], avoid: ['步长', '跨步'] },
  { en: ['padding', 'zero padding', 'zero-padding'], zh: ['填充', '补零'], avoid: ['内边距'] },
  { en: ['depth', 'channel', 'channels'], zh: ['深度', '通道'] },
  { en: ['feature map', 'feature maps'], zh: ['特征图'], avoid: ['特征映射'] },
  { en: ['receptive field', 'receptive fields'], zh: ['感受野'], avoid: ['感受域', '接受野'] },
  { en: ['max pooling', 'max-pooling'], zh: ['最大池化'] },
  { en: ['average pooling', 'average-pooling'], zh: ['平均池化'] },
  { en: ['pooling'], zh: ['池化'], avoid: ['汇聚', '汇合'] },
  { en: ['fully connected', 'fully-connected', 'dense layer', 'dense layers'], zh: ['全连接'] },
  { en: ['flatten', 'flattens', 'flattened'], zh: ['拉直'], avoid: ['展平', '扁平化', '压平'] },
  { en: ['activation function', 'activation'], zh: ['激活函数', '激活'] },
  { en: ['parameter', 'parameters'], zh: ['参数'] },
  { en: ['MACs', 'multiply-accumulates'], zh: ['乘加运算', '乘加'] },
  { en: ['input size'], zh: ['输入尺寸'] },
  { en: ['output size'], zh: ['输出尺寸'] },
];
