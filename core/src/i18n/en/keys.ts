// What each key of a model file means, for hovers and completion: the top level
// (core/src/model/readModel.ts TOP_KEYS), a block definition (DEFINITION_KEYS) and a block use (USE_KEYS).
export const keys = {
  topName: 'A display name for the model.',
  topInput: 'The image the network takes: `{width: W, height: H, depth: D}` or `"WxHxD"` (e.g. `"32x32x3"`). Required.',
  topRounding: '`strict` (default): a non-whole output size is an error. `floor` (PyTorch, Keras `valid`) or `ceil` (PyTorch `ceil_mode`): the size is rounded and the case is noted.',
  topLabels: 'Class names for the runner: a list of strings, or a path to a text file with one name a line.',
  topWeights: 'A `.safetensors` file with the weights, relative to the model file (keys as in PyTorch `state_dict`).',
  topPreprocess: 'For the runner: `{scale, mean, std}`; a pixel p (0..255) becomes `(p·scale − mean[c]) / std[c]`. Defaults: scale 1/255, mean 0, std 1.',
  topLayers: 'The list of layers, in order. Required.',
  topBlocks: 'Sub-networks defined once and used as layer types by name: `name: {params, layers, inputs, output}`. Optional.',
  defParams: "The block's parameters: `name: default`, or `name:` with no value for one every use must give. Inside the block, a value written exactly `$name` is replaced by it.",
  defLayers: "The block's layers, in order, written as at the top level. Required.",
  defInputs: "The names by which the block's layers refer to its inputs, e.g. `[x, skip]`. Default: one input, called `input`.",
  defOutput: "The name of the layer whose output is the block's output. Default: its last layer.",
  useType: "The block's name.",
  useName: "The use's name `N`: its layers are `N.<inner name>` (with `repeat`, copy i's are `N.<i>.<inner name>`); later layers may take `N`, `N.<i>` or any full inner name.",
  useInputs: "The layers passed to the block's inputs, as many as it declares. Default: the layer before (for a block with one input).",
  useRepeat: "Chains this many copies of the block, each taking the previous one's output; copy i is named `N.<i>`.",
  useFirst: "The number of the first copy (default 0), for a stage whose first block differs (torchvision's `layer2.1`, `layer2.2`, …).",
} as const;
