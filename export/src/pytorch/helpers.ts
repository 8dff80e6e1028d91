// Small classes the generated file defines when a layer needs them: exact where PyTorch has no
// module of its own. Each is written once, above the network, only if some layer uses it.

export type HelperName = 'BatchNorm2d' | 'Conv2dPadded' | 'AvgPool2dSame' | 'ConvTranspose2dCropped' | 'LayerNorm2d' | 'Scale';

export const HELPERS: Readonly<Record<HelperName, string>> = {
  BatchNorm2d: `class BatchNorm2d(nn.BatchNorm2d):
    """nn.BatchNorm2d whose state_dict() holds exactly weight, bias, running_mean and running_var,
    the keys of the model format: the batch counter (used only when momentum=None) is not kept."""

    def __init__(self, num_features, eps=1e-5):
        super().__init__(num_features, eps=eps)
        self.num_batches_tracked = None

    def _load_from_state_dict(self, state_dict, prefix, *args):
        # Files saved from torchvision-style models have the counter: accept and ignore it.
        state_dict.pop(prefix + "num_batches_tracked", None)
        nn.Module._load_from_state_dict(self, state_dict, prefix, *args)`,

  Conv2dPadded: `class Conv2dPadded(nn.Conv2d):
    """nn.Conv2d after explicit zero padding pads = (left, right, top, bottom): the uneven padding
    of TensorFlow's \`same\` with a stride, or the extra end of \`rounding: ceil\`."""

    def __init__(self, *args, pads, **kwargs):
        super().__init__(*args, **kwargs)
        self.pads = pads

    def forward(self, x):
        return super().forward(F.pad(x, self.pads))`,

  ConvTranspose2dCropped: `class ConvTranspose2dCropped(nn.ConvTranspose2d):
    """nn.ConvTranspose2d, then crop = (left, right, top, bottom) rows and columns removed: the
    uneven split of Keras' \`same\` (output n·stride), the odd one at the end."""

    def __init__(self, *args, crop, **kwargs):
        super().__init__(*args, **kwargs)
        self.crop = crop

    def forward(self, x):
        return F.pad(super().forward(x), [-c for c in self.crop])`,

  LayerNorm2d: `class LayerNorm2d(nn.LayerNorm):
    """nn.LayerNorm over the depth at each position of a map (ConvNeXt's LayerNorm2d)."""

    def forward(self, x):
        return super().forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)`,

  Scale: `class Scale(nn.Module):
    """Multiplies each channel by a learned factor \`weight\` (ConvNeXt's layer scale)."""

    def __init__(self, channels):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(channels))

    def forward(self, x):
        return x * self.weight.view(1, -1, 1, 1)`,

  AvgPool2dSame: `class AvgPool2dSame(nn.Module):
    """Average pooling with TensorFlow's \`same\` padding pads = (left, right, top, bottom): each
    window averages the real pixels it covers, not the padding (as Keras does)."""

    def __init__(self, kernel_size, stride, pads):
        super().__init__()
        self.kernel_size, self.stride, self.pads = kernel_size, stride, pads

    def forward(self, x):
        total = F.avg_pool2d(F.pad(x, self.pads), self.kernel_size, self.stride)
        ones = torch.ones_like(x[:1, :1])
        share = F.avg_pool2d(F.pad(ones, self.pads), self.kernel_size, self.stride)
        return total / share`,
};
