// The layer types' words in Chinese: summary, doc and shape rule of each type, each parameter's doc, the
// keys every layer has (`common.*`) and a window layer's `rounding:`. The English is in each layer's own
// file (core/src/layers/*.ts); keys are checked by the type system (LayerDocs), the wording by
// tests/i18n/layerDocs.test.ts (the tutorials' glossary, the same `code`, placeholders and numbers).
// The first mention of a term carries the English name in parentheses, so learners can map it to PyTorch.
import type { LayerDocs } from '../../layers/docs';

const OPTIONAL_DEPTH = '可选：你预期的深度。会与实际传入的深度核对。';
const OPTIONAL_INPUT_DEPTH = '可选：你预期的输入深度。会与实际传入的深度核对。';
const EPS = '为数值稳定加到方差上的小数。默认 1e-5。';
const DILATION = '膨胀 (dilation)：卷积核各抽头之间的间距，卷积核覆盖 d(k − 1) + 1 个像素。一个整数或 [高, 宽]。';
const FILTER_BIAS = '每个卷积核是否加上一个学习到的偏置 (bias)。';
const UNCHANGED = '不变';
const APPLIED = '逐个作用于每个值；形状不变。';
const OVER_DEPTH = '不变；在每个位置上沿深度归一化';
const GROUPS_DIVIDE = '不变；groups 必须整除深度';
const POOL_RULE = '每个轴 (W − F + 2P)/S + 1；`same`：ceil(n / s)；`ceil` 取整遵循 PyTorch 的 ceil_mode；深度不变';
const POOL_KERNEL = '窗口（池化核）尺寸 F：一个整数或 [高, 宽]。';
const POOL_STRIDE = '步幅 (stride)：窗口每一步移动的距离。默认等于池化核大小。一个整数或 [高, 宽]。';
const POOL_PADDING = '每边的填充 (padding) P（最多为池化核的一半，PyTorch 的要求）、`same` 或 `valid`。';

export const layers: LayerDocs = {
  'conv.summary': '二维卷积 (2-D convolution)：`filters` 个卷积核在输入上滑动',
  'conv.doc':
    '二维卷积 (2-D convolution)：`filters` 个卷积核 (kernel) 各有 kernel × kernel × depth/groups 个权重，输入每边先补 `padding` 圈零 (zero padding)，' +
    '卷积核再以步幅 (stride) `stride` 在上面滑动。每个轴的输出尺寸：`(W − F + 2P)/S + 1`，深度 = `filters`。',
  'conv.rule': '每个轴 (n + 2p − d(k − 1) − 1)/s + 1，无膨胀时即 (W − F + 2P)/S + 1；`same`：ceil(n / s)；深度 = filters（卷积核个数）',
  'conv.param.filters': '卷积核（过滤器, filters）的个数：即输出的深度。',
  'conv.param.kernel': '卷积核尺寸 F：一个整数，或 [高, 宽]。',
  'conv.param.stride': '步幅 (stride)：卷积核每一步移动的距离。一个整数或 [高, 宽]。',
  'conv.param.padding': '每边补零 (zero padding) 的圈数 P：一个整数、[高, 宽]、`same`（输出 = ceil(n / 步幅)，TensorFlow 的规则）或 `valid`（= 0）。',
  'conv.param.dilation': DILATION,
  'conv.param.groups': '把输入和输出通道 (channel) 分成这么多组（深度可分离 depthwise：groups = 输入深度）。必须能同时整除两者。',
  'conv.param.bias': FILTER_BIAS,
  'conv.param.in_channels': OPTIONAL_INPUT_DEPTH,

  'maxpool.summary': '最大池化 (max pooling)：在 kernel × kernel 的池化核窗口上取最大值',
  'maxpool.doc':
    '最大池化 (max pooling)：取每个 kernel × kernel 窗口中的最大值，窗口每次移动 `stride`（默认等于池化核大小）。深度不变。' +
    '每个轴的输出尺寸：`(W − F + 2P)/S + 1`；用 `rounding: ceil` 时按 PyTorch 的 `ceil_mode` 规则。',
  'maxpool.rule': POOL_RULE,
  'maxpool.param.kernel': POOL_KERNEL,
  'maxpool.param.stride': POOL_STRIDE,
  'maxpool.param.padding': POOL_PADDING,

  'avgpool.summary': '平均池化 (average pooling)：在 kernel × kernel 的池化核窗口上取平均值',
  'avgpool.doc':
    '平均池化 (average pooling)：取每个 kernel × kernel 窗口中的平均值，窗口每次移动 `stride`（默认等于池化核大小）。深度不变。' +
    '每个轴的输出尺寸：`(W − F + 2P)/S + 1`；用 `rounding: ceil` 时按 PyTorch 的 `ceil_mode` 规则。',
  'avgpool.rule': POOL_RULE,
  'avgpool.param.kernel': POOL_KERNEL,
  'avgpool.param.stride': POOL_STRIDE,
  'avgpool.param.padding': POOL_PADDING,

  'globalavgpool.summary': '全局平均池化 (global average pooling)：1 × 1 × 深度',
  'globalavgpool.doc': '全局平均池化 (global average pooling)：每个通道在整张特征图上取平均值。输出 1 × 1 × D。',
  'globalavgpool.rule': '1 × 1 × D',
  'globalmaxpool.summary': '全局最大池化 (global max pooling)：1 × 1 × 深度',
  'globalmaxpool.doc': '全局最大池化 (global max pooling)：每个通道在整张特征图上取最大值。输出 1 × 1 × D。',
  'globalmaxpool.rule': '1 × 1 × D',

  'relu.summary': 'ReLU 激活函数：max(0, x)',
  'relu.doc': `ReLU 激活函数 (activation)：max(0, x)。${APPLIED}`,
  'relu.rule': UNCHANGED,
  'sigmoid.summary': 'Sigmoid 激活函数：1 / (1 + e^−x)',
  'sigmoid.doc': `Sigmoid 激活函数 (activation)：1 / (1 + e^−x)。${APPLIED}`,
  'sigmoid.rule': UNCHANGED,
  'tanh.summary': '双曲正切 (tanh) 激活函数',
  'tanh.doc': `双曲正切 (tanh) 激活函数。${APPLIED}`,
  'tanh.rule': UNCHANGED,
  'gelu.summary': 'GELU 激活函数：x · Φ(x)（精确形式，同 PyTorch）',
  'gelu.doc': `GELU 激活函数 (activation)：x · Φ(x)（精确形式，同 PyTorch）。${APPLIED}`,
  'gelu.rule': UNCHANGED,
  'softmax.summary': '在每个位置上沿深度做 Softmax',
  'softmax.doc': 'Softmax：在每个位置上，沿深度方向的各个值变成和为 1 的概率。形状不变。',
  'softmax.rule': OVER_DEPTH,
  'leakyrelu.summary': 'Leaky ReLU 激活函数：x，小于 0 时为 slope·x',
  'leakyrelu.doc': 'Leaky ReLU 激活函数：正值保持不变，负值乘以 `slope`。形状不变。',
  'leakyrelu.rule': UNCHANGED,
  'leakyrelu.param.slope': '负值所乘的系数。默认 0.01（PyTorch 的 negative_slope）。',

  'batchnorm.summary': '按通道做批归一化 (batch normalisation)',
  'batchnorm.doc': '批归一化 (batch normalisation)：每个通道用它的滑动均值和方差归一化，再缩放和平移。形状不变；2 × 深度 个参数。',
  'batchnorm.rule': UNCHANGED,
  'batchnorm.param.channels': OPTIONAL_DEPTH,
  'batchnorm.param.eps': EPS,
  'dropout.summary': 'Dropout（网络运行时原样输出）',
  'dropout.doc': 'Dropout：训练时以概率 `rate` 把每个值置零；网络对图片运行时，值原样通过。形状不变。',
  'dropout.rule': UNCHANGED,
  'dropout.param.rate': '丢弃一个值的概率，0 ≤ rate < 1。默认 0.5。',
  'flatten.summary': '拉直 (flatten) 成 1 × 1 × (W·H·D)',
  'flatten.doc':
    '拉直 (flatten)：把 W × H × D 的特征图变成 W·H·D 个值的向量（先通道，再行，再列，与 `torch.flatten` 作用于 NCHW 相同），这样后面就可以接 `dense`。',
  'flatten.rule': '1 × 1 × (W·H·D)，先深度，再行，再列',
  'dense.summary': '全连接层 (fully connected)：1 × 1 × units',
  'dense.doc':
    'Dense（全连接层, fully connected）：每个输出单元都是全部 N 个输入值的加权和。需要拉直的 1 × 1 × N 输入（在它前面放 `flatten` 或全局池化）。' +
    '参数：N·units + units。',
  'dense.rule': '1 × 1 × units；输入必须是 1 × 1 × N（先拉直或全局池化）',
  'dense.param.units': '输出个数：输出为 1 × 1 × units。',
  'dense.param.in_features': '可选：你预期的输入尺寸 N。会与实际传入的值个数核对。',
  'dense.param.bias': '每个单元是否加上一个学习到的偏置 (bias)。',
  'add.summary': '两个或更多输入逐元素相加',
  'add.doc': 'Add：把各个输入逐值相加，就像 ResNet 的捷径连接 (shortcut)。所有输入的宽度、高度和深度必须相同。',
  'add.rule': '所有输入的 W、H 和 D 必须相同；输出：就是这个形状',
  'concat.summary': '沿深度拼接两个或更多输入',
  'concat.doc': 'Concat：沿深度把各个输入一个接一个拼起来。宽度和高度必须一致；深度是它们的和。',
  'concat.rule': 'W 和 H 必须一致；深度 = 各输入深度之和',
  'upsample.summary': '按 `scale` 上采样（最近邻或双线性）',
  'upsample.doc':
    'Upsample（上采样）：放大 `scale` 倍（一个整数，或 [高, 宽]）。`mode: nearest`（默认）把每个值重复；' +
    '`bilinear` 按 PyTorch 在 `align_corners=False` 下的方式插值。输出 W·scale × H·scale × D。',
  'upsample.rule': 'W·scale_w × H·scale_h × D（宽、高分别乘以放大倍数）',
  'upsample.param.scale': '整数倍数，≥ 1：一个数用于两个轴，或 [高, 宽]。',
  'upsample.param.mode': '`nearest`（默认）或 `bilinear`（PyTorch 的 `align_corners=False`）。',

  'convtranspose.summary': '转置卷积 (transposed convolution)：用学习到的卷积核按 `stride` 上采样',
  'convtranspose.doc':
    '二维转置卷积 (2-D transposed convolution，PyTorch `ConvTranspose2d`)：每个输入值把一块 kernel × kernel × (filters/groups) 的卷积核权重散布到输出上，' +
    '相邻两块相隔 `stride`；`padding` 从每边裁掉。每个轴的输出：`(n − 1)·s − 2p + d(k − 1) + output_padding + 1`；`padding: same` 得到 `n·s`。' +
    '深度 = `filters`。`output_padding`（小于步幅或膨胀）在末尾添加行和列。' +
    '感受野 (receptive field)：视为先按步幅上采样，再做一个步幅为 1 的膨胀卷积核窗口。权重为 `[depth, filters/groups, kh, kw]`（PyTorch 的布局）。',
  'convtranspose.rule': '每个轴 (n − 1)·s − 2p + d(k − 1) + output_padding + 1（output_padding 即输出填充）；`same`：n·s；深度 = filters（卷积核个数）',
  'convtranspose.param.filters': '卷积核（过滤器, filters）的个数：即输出的深度。',
  'convtranspose.param.kernel': '卷积核尺寸：一个整数，或 [高, 宽]。',
  'convtranspose.param.stride': '步幅 (stride)：上采样倍数（输入值落在输出上相隔这么远）。一个整数或 [高, 宽]。',
  'convtranspose.param.padding': '从完整输出的每边去掉的行数和列数（填充 padding）：一个整数、[高, 宽]、`same`（输出 = n·步幅，Keras 的规则）或 `valid`（= 0）。',
  'convtranspose.param.output_padding': '输出填充：在末尾（下边、右边）额外添加的行和列，用来得到确切的尺寸。必须小于步幅或膨胀（PyTorch）。',
  'convtranspose.param.dilation': DILATION,
  'convtranspose.param.groups': '把输入和输出通道分成这么多组。必须同时整除输入深度和 `filters`。',
  'convtranspose.param.bias': FILTER_BIAS,
  'convtranspose.param.in_channels': OPTIONAL_INPUT_DEPTH,

  'adaptiveavgpool.summary': '自适应平均池化 (adaptive average pooling)，输出固定为 `size`',
  'adaptiveavgpool.doc':
    '自适应平均池化 (adaptive average pooling，PyTorch `AdaptiveAvgPool2d`)：无论输入多大，输出都是 `size` × 深度；' +
    '输出单元 i 取输入从 `floor(i·n/o)` 到 `ceil((i + 1)·n/o)` 的平均值，所以窗口大小可能相差一，也可能重叠。' +
    '感受野 (receptive field)：窗口与最大的单元一样大，每个单元移动 n/o 个输入像素。',
  'adaptiveavgpool.rule': '每个轴 `size`（o）；单元 i 覆盖输入 floor(i·n/o) … ceil((i + 1)·n/o)；深度不变',
  'adaptiveavgpool.param.size': '输出尺寸 o：一个整数，或 [高, 宽]。',
  'adaptivemaxpool.summary': '自适应最大池化 (adaptive max pooling)，输出固定为 `size`',
  'adaptivemaxpool.doc':
    '自适应最大池化 (adaptive max pooling，PyTorch `AdaptiveMaxPool2d`)：无论输入多大，输出都是 `size` × 深度；' +
    '输出单元 i 取输入从 `floor(i·n/o)` 到 `ceil((i + 1)·n/o)` 的最大值，所以窗口大小可能相差一，也可能重叠。' +
    '感受野 (receptive field)：窗口与最大的单元一样大，每个单元移动 n/o 个输入像素。',
  'adaptivemaxpool.rule': '每个轴 `size`（o）；单元 i 覆盖输入 floor(i·n/o) … ceil((i + 1)·n/o)；深度不变',
  'adaptivemaxpool.param.size': '输出尺寸 o：一个整数，或 [高, 宽]。',

  'relu6.summary': 'ReLU6 激活函数：min(max(0, x), 6)',
  'relu6.doc': `ReLU6 激活函数 (activation)：min(max(0, x), 6)。${APPLIED}`,
  'relu6.rule': UNCHANGED,
  'silu.summary': 'SiLU (swish) 激活函数：x · sigmoid(x)',
  'silu.doc': `SiLU (swish) 激活函数：x · sigmoid(x)。${APPLIED}`,
  'silu.rule': UNCHANGED,
  'hardswish.summary': 'Hard swish 激活函数：x · min(max(x + 3, 0), 6) / 6（PyTorch）',
  'hardswish.doc': `Hard swish 激活函数：x · min(max(x + 3, 0), 6) / 6（PyTorch）。${APPLIED}`,
  'hardswish.rule': UNCHANGED,
  'hardsigmoid.summary': 'Hard sigmoid 激活函数：min(max(x + 3, 0), 6) / 6（PyTorch，斜率 1/6）',
  'hardsigmoid.doc': `Hard sigmoid 激活函数：min(max(x + 3, 0), 6) / 6（PyTorch，斜率 1/6）。${APPLIED}`,
  'hardsigmoid.rule': UNCHANGED,
  'mish.summary': 'Mish 激活函数：x · tanh(ln(1 + e^x))',
  'mish.doc': `Mish 激活函数：x · tanh(ln(1 + e^x))。${APPLIED}`,
  'mish.rule': UNCHANGED,
  'elu.summary': 'ELU 激活函数：x，小于 0 时为 alpha·(e^x − 1)',
  'elu.doc': 'ELU 激活函数：正值保持不变；负的 x 变成 `alpha`·(e^x − 1)。形状不变。',
  'elu.rule': UNCHANGED,
  'elu.param.alpha': '负半部分的缩放系数。默认 1.0（PyTorch）。',

  'layernorm.summary': '层归一化 (layer normalisation)：在每个位置上沿深度归一化',
  'layernorm.doc':
    '层归一化 (layer normalisation)，同 ConvNeXt 的 LayerNorm2d：在每个位置上，把沿深度的各个值归一化为均值 0、方差 1（有偏方差，再加 `eps`），' +
    '然后乘以 `weight` 缩放、加上 `bias` 平移（各为 [depth]）。形状不变；2 × 深度 个参数。' +
    'PyTorch：对 NHWC 排列的通道应用 `nn.LayerNorm(C)`，与 torchvision 的 `LayerNorm2d` 一样。',
  'layernorm.rule': OVER_DEPTH,
  'layernorm.param.channels': OPTIONAL_DEPTH,
  'layernorm.param.eps': '为数值稳定加到方差上的小数。默认 1e-5（ConvNeXt 用 1e-6）。',
  'groupnorm.summary': '组归一化 (group normalisation)：通道分成 `groups` 组',
  'groupnorm.doc':
    '组归一化 (group normalisation，PyTorch `nn.GroupNorm(groups, C)`)：通道被分成 `groups` 组，每组 depth/groups 个通道；' +
    '每组在它的通道和所有位置上归一化（有偏方差，再加 `eps`），然后每个通道乘以 `weight` 缩放、加上 `bias` 平移。' +
    '`groups` 必须整除深度。形状不变；2 × 深度 个参数。',
  'groupnorm.rule': GROUPS_DIVIDE,
  'groupnorm.param.groups': '通道分组数；必须整除深度。',
  'groupnorm.param.channels': OPTIONAL_DEPTH,
  'groupnorm.param.eps': EPS,
  'instancenorm.summary': '实例归一化 (instance normalisation)：每个通道在自己的各个位置上归一化',
  'instancenorm.doc':
    '实例归一化 (instance normalisation，PyTorch `nn.InstanceNorm2d`)：每张图片的每个通道在它的 W × H 个位置上归一化（有偏方差，再加 `eps`），' +
    '网络运行时也是如此：PyTorch 默认的 `track_running_stats=False` 不保存滑动统计量。设了 `affine: true` 时，' +
    '每个通道再乘以 `weight` 缩放、加上 `bias` 平移（各为 [depth]，共 2 × 深度 个参数）；不设则没有参数。形状不变。',
  'instancenorm.rule': UNCHANGED,
  'instancenorm.param.channels': OPTIONAL_DEPTH,
  'instancenorm.param.eps': EPS,
  'instancenorm.param.affine': '每个通道是否有学习到的权重和偏置（PyTorch 默认 false）。',
  'lrn.summary': '局部响应归一化 (local response normalisation)：跨 `size` 个相邻通道',
  'lrn.doc':
    '局部响应归一化 (local response normalisation)，同 PyTorch 的 `nn.LocalResponseNorm(size, alpha, beta, k)`：每个值除以 ' +
    '(k + alpha/size · Σ x²)^beta，求和范围是 `size` 个相邻通道（前面 size/2 个，后面 (size − 1)/2 个，向下取整，超出两端的部分按零计）。' +
    '形状不变；没有参数。',
  'lrn.rule': UNCHANGED,
  'lrn.param.size': '求和的相邻通道个数。',
  'lrn.param.alpha': '平方均值的乘数。默认 1e-4。',
  'lrn.param.beta': '指数。默认 0.75。',
  'lrn.param.k': '加性常数。默认 1。',
  'scale.summary': '每个通道乘以一个学习到的系数（层缩放, layer scale）',
  'scale.doc':
    '层缩放 (layer scale，ConvNeXt)：每个通道乘以它自己学习到的系数 `weight` [depth]。形状不变；深度 个参数。' +
    'torchvision 的 ConvNeXt 把它作为形状 [C, 1, 1] 的 `layer_scale` 放在块里：把它存到这一层的 `weight` 键下，' +
    '拉直成 [C]（`sd["<name>.weight"] = sd.pop("<block>.layer_scale").reshape(-1)`）。',
  'scale.rule': '不变；每个通道 × 它的权重',
  'scale.param.channels': OPTIONAL_DEPTH,
  'multiply.summary': '两个或更多输入逐元素相乘，支持广播',
  'multiply.doc':
    'Multiply：把各个输入逐值相乘，就像 squeeze-and-excitation 的门控那样（1 × 1 × D 乘以 W × H × D）。' +
    '在宽度、高度和深度上，各输入必须相同或为 1，输出取较大的尺寸（PyTorch 的广播，`a * b`）。',
  'multiply.rule': '在 W、H、D 上各输入相同或为 1；输出：每个轴取较大者',
  'pad.summary': '用零、镜像或边缘值填充特征图',
  'pad.doc':
    'Pad（填充, padding）：在特征图四周加上 `amount` 行和列：`zeros`（补零）、`reflect`（不含边缘的镜像，同 PyTorch `ReflectionPad2d`；' +
    '每个数量必须小于该轴的输入尺寸）或 `replicate`（重复边缘值，`ReplicationPad2d`）。' +
    '`amount` 是一个整数、`[height, width]` 或 `[top, bottom, left, right]`；注意 PyTorch 写的是 `(left, right, top, bottom)`。' +
    '输出 (W + 左 + 右) × (H + 上 + 下) × D。',
  'pad.rule': '(W + 左 + 右) × (H + 上 + 下) × D',
  'pad.param.amount': '要加的行数和列数：一个整数（四边相同）、[高, 宽] 或 [上, 下, 左, 右]。',
  'pad.param.mode': '`zeros`（默认，补零）、`reflect`（镜像，不含边缘）或 `replicate`（重复边缘值）。',
  'crop.summary': '按 `amount` 裁剪特征图，或裁出中心部分到另一层的尺寸（`like`）',
  'crop.doc':
    'Crop（裁剪）：去掉四边的行和列。给出 `amount`（一个整数、`[height, width]` 或 `[top, bottom, left, right]`）或 `like: <layer>` 之一；' +
    '后者裁出中心部分，使宽 × 高与那一层相同：上边和左边去掉 floor(差值 / 2)，下边和右边去掉其余部分，' +
    '与 U-Net 的 crop-and-concat 相同（PyTorch：`x[:, :, top:H - bottom, left:W - right]`）。深度不变。',
  'crop.rule': '(W − 左 − 右) × (H − 上 − 下) × D；`like`：另一层的 W × H，取中心',
  'crop.param.amount': '要去掉的行数和列数：一个整数（四边相同）、[高, 宽] 或 [上, 下, 左, 右]。与 `like` 二选一。',
  'crop.param.like': '某一层的名字：把中心部分裁剪到它的宽 × 高。与 `amount` 二选一。',
  'slice.summary': '输入的第 [from, to) 个通道',
  'slice.doc':
    'Slice（切片）：保留从 `from`（默认 0）到 `to`（不含，默认：深度）的通道，同 PyTorch 的 `x[:, from:to]`；负值从末尾倒数，与 Python 相同。' +
    '一个 `torch.chunk(x, 2, dim=1)` 就是两个切片：`to: C/2` 和 `from: C/2`。与 Python 不同，空切片或超出深度的切片是错误。' +
    '输出 W × H × (to − from)。',
  'slice.rule': 'W × H × (to − from)，通道 [from, to)；负值从末尾倒数',
  'slice.param.from': '保留的第一个通道（从 0 数起）。默认 0。负值从末尾倒数。',
  'slice.param.to': '保留的最后一个通道的下一个。默认：深度。负值从末尾倒数。',
  'shuffle.summary': '通道混洗 (channel shuffle)：把 `groups` 组通道交错排列',
  'shuffle.doc':
    '通道混洗 (channel shuffle，ShuffleNet；PyTorch `nn.ChannelShuffle(groups)`)：把深度看作 `groups` × depth/groups，转置后再拉直，' +
    '于是通道 g·(D/groups) + i 移到 i·groups + g。`groups` 必须整除深度。形状不变。',
  'shuffle.rule': GROUPS_DIVIDE,
  'shuffle.param.groups': '分组数；必须整除深度。',
  'pixelshuffle.summary': '深度转空间 (depth to space)：W·r × H·r × D/r²',
  'pixelshuffle.doc':
    '像素重排 (pixel shuffle，PyTorch `nn.PixelShuffle(r)`)：每组 r² 个通道变成一个 r × r 的像素块：' +
    '输出通道 c 在 (h·r + i, w·r + j) 处的值是输入通道 c·r² + i·r + j 在 (h, w) 处的值。深度必须能被 r² 整除。输出 W·r × H·r × D/r²。',
  'pixelshuffle.rule': 'W·r × H·r × D/r²；D 必须能被 r² 整除',
  'pixelshuffle.param.factor': '放大倍数 r。',
  'pixelunshuffle.summary': '空间转深度 (space to depth)：W/r × H/r × D·r²',
  'pixelunshuffle.doc':
    '像素逆重排 (pixel unshuffle，PyTorch `nn.PixelUnshuffle(r)`)：每个 r × r 的像素块变成 r² 个通道：' +
    '输出通道 c·r² + i·r + j 在 (h, w) 处的值是输入通道 c 在 (h·r + i, w·r + j) 处的值（不是 ONNX SpaceToDepth 的顺序）。' +
    '宽度和高度必须能被 r 整除。输出 W/r × H/r × D·r²。',
  'pixelunshuffle.rule': 'W/r × H/r × D·r²；W 和 H 必须能被 r 整除',
  'pixelunshuffle.param.factor': '缩小倍数 r。',

  'common.type': '层的类型。',
  'common.name': '唯一的名字；其他层在 `inputs` 里用它引用这一层，权重用它作 `state_dict` 的前缀。',
  'common.inputs': '作为输入的层名，或层名列表（`input` 表示网络的输入）。默认：前一层。',
  'common.parameters': '内联权重：`{weight: <nested list>, bias: <list>}`，采用 PyTorch 的布局。',
  rounding:
    '这一层自己对非整数输出尺寸的取整方式，覆盖文件的 `rounding`：`strict`、`floor` 或 `ceil`（PyTorch `ceil_mode`）。' +
    '只有带窗口的层才能写它（conv、convtranspose、maxpool、avgpool）。',
};

/** Weight layouts with words (`<type>.<key>`); layouts that are only a shape stay as written. */
export const weightLayouts: Readonly<Record<string, string>> = {
  'conv.bias': '[filters]（有 bias 时）',
  'dense.bias': '[units]（有 bias 时）',
  'convtranspose.bias': '[filters]（有 bias 时）',
  'instancenorm.weight': '[depth]（affine 时）',
  'instancenorm.bias': '[depth]（affine 时）',
};
