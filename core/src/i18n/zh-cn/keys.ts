import type { Translation } from '../types';
import type { keys as en } from '../en/keys';

export const keys: Translation<typeof en> = {
  topName: '模型的显示名称。',
  topInput: '网络接收的图像：`{width: W, height: H, depth: D}` 或 `"WxHxD"`（例如 `"32x32x3"`），即宽、高和深度。必填。',
  topRounding: '`strict`（默认）：输出尺寸不是整数时报错。`floor`（PyTorch，Keras 的 `valid`）或 `ceil`（PyTorch 的 `ceil_mode`）：尺寸取整，并注明这种情况。',
  topLabels: '运行时使用的类别名：一个字符串列表，或一个每行一个名字的文本文件的路径。',
  topWeights: '存放权重的 `.safetensors` 文件，路径相对于模型文件（键名与 PyTorch 的 `state_dict` 相同）。',
  topPreprocess: '运行时使用：`{scale, mean, std}`；像素值 p（0..255）变为 `(p·scale − mean[c]) / std[c]`。默认：scale 1/255，mean 0，std 1。',
  topLayers: '按顺序排列的层的列表。必填。',
  topBlocks: '只定义一次、按名字当作层类型使用的子网络：`name: {params, layers, inputs, output}`。可选。',
  defParams: '块的参数：`name: default`，或不写值的 `name:`，表示每次使用都必须给出。在块内部，恰好写成 `$name` 的值会被替换。',
  defLayers: '块的各层，按顺序，写法与顶层相同。必填。',
  defInputs: '块的各层用来指代块输入的名字，例如 `[x, skip]`。默认：一个输入，名为 `input`。',
  defOutput: '其输出作为块输出的那一层的名字。默认：块的最后一层。',
  useType: '块的名字。',
  useName: '这次使用的名字 `N`：它的各层名为 `N.<inner name>`（有 `repeat` 时，第 i 个副本的层名为 `N.<i>.<inner name>`）；后面的层可以接收 `N`、`N.<i>` 或任何完整的内部层名。',
  useInputs: '传给块输入的层，个数与块声明的相同。默认：前一层（对只有一个输入的块）。',
  useRepeat: '把块的这么多个副本串起来，每个副本接收前一个的输出；第 i 个副本名为 `N.<i>`。',
  useFirst: '第一个副本的编号（默认 0），用于第一个块不同的阶段（torchvision 的 `layer2.1`、`layer2.2`、…）。',
};
