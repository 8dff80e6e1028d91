// Every diagnostic code the checker emits. Codes are part of the public contract (CLI JSON, quick
// fixes, users' CI scripts): never rename one. The first five are fixed by the format spec.
export const CODES = {
  'non-integer-output': 'An output size (n + 2p − d(k − 1) − 1)/s + 1 that is not a whole number.',
  'channel-mismatch': 'A declared in_channels/channels/in_features that disagrees with what arrives, groups that do not divide the channels, or add inputs of different depth.',
  'shape-mismatch': 'add/concat inputs whose width or height differ, or dense on an input that is not 1 × 1 × N.',
  'empty-output': 'An output size below 1: the (dilated) kernel is larger than the padded input.',
  syntax: 'The file is not valid YAML or JSON.',
  'unknown-layer-type': 'A layer type the format does not have.',
  'unknown-parameter': 'A parameter the layer type does not take.',
  'unknown-key': 'A top-level key the format does not have.',
  'missing-parameter': 'A required parameter (such as filters or kernel) is missing.',
  'missing-key': 'A required top-level key (input or layers) is missing.',
  'wrong-type': 'A value of the wrong kind: text where a number is needed, a fractional filter count, a list of the wrong length.',
  'out-of-range': 'A value outside what the parameter allows: zero or negative sizes, a dropout rate of 1.5, a number too large to be real.',
  'duplicate-key': 'The same key twice in one mapping; the first one is used.',
  'duplicate-name': 'Two layers with the same name, or a layer named like the network input.',
  'unknown-reference': 'An input that names no layer.',
  'forward-reference': 'An input that names a later layer: layers may only take earlier outputs.',
  'cycle': 'A layer that takes its own output.',
  'input-count': 'A layer with the wrong number of inputs (add and concat take two or more, the others one).',
  'padding-too-large': 'Pooling padding larger than half the kernel, which PyTorch refuses.',
  'unused-layer': 'A layer whose output no other layer uses and that is not the last one.',
  'parameter-shape': 'Inline parameters whose shape differs from what the layer needs.',
  'empty-model': 'A model without layers.',
  'unused-parameter': 'A block parameter that its definition never uses (no value is written `$name`), or `first` without `repeat`.',
  'conflicting-parameters': 'Two parameters that exclude each other, such as crop\'s `amount` and `like`.',
} as const;

export type Code = keyof typeof CODES;
