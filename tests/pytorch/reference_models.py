"""PyTorch counterparts of the v2 samples that torchvision does not have.

Each is written from its published structure, with module names chosen so that the sample's full
layer names (blocks expanded) are these modules' names. Sources are given per model.
"""
import torch
from torch import nn


# --- DCGAN (Radford et al. 2015), exactly as pytorch/examples dcgan/main.py (nz=100, ngf=ndf=64, nc=3) ---
# https://github.com/pytorch/examples/blob/main/dcgan/main.py: `self.main = nn.Sequential(...)`, so the
# state_dict keys are main.0.weight, main.1.weight, ...
class DCGANGenerator(nn.Module):
    def __init__(self, nz=100, ngf=64, nc=3):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh(),
        )

    def forward(self, x):
        return self.main(x)


class DCGANDiscriminator(nn.Module):
    def __init__(self, ndf=64, nc=3):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Sigmoid(),
        )

    def forward(self, x):
        return self.main(x)


# --- U-Net (Ronneberger et al. 2015, Fig. 1): 572x572x1 in, unpadded 3x3 convs + ReLU, 2x2 max pools,
# 2x2 up-convolutions (ConvTranspose2d k2 s2) halving the depth, crop-and-concat of the encoder map,
# a final 1x1 conv to 2 classes: 388x388x2. No batchnorm (the paper has none). Module names follow the
# widely used milesial/Pytorch-UNet layout (inc, down1..4, up1..4, outc); the crop and the concat are
# functional there too, and are named `crop` and `cat` in the sample.
def double_conv(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3), nn.ReLU(inplace=True), nn.Conv2d(c_out, c_out, 3), nn.ReLU(inplace=True))


class Down(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.pool = nn.MaxPool2d(2)
        self.conv = double_conv(c_in, c_out)

    def forward(self, x):
        return self.conv(self.pool(x))


def center_crop(skip, like):
    """The paper's crop: the centre of `skip` at `like`'s size; top/left lose floor(diff / 2)."""
    dh, dw = skip.shape[2] - like.shape[2], skip.shape[3] - like.shape[3]
    return skip[:, :, dh // 2: dh // 2 + like.shape[2], dw // 2: dw // 2 + like.shape[3]]


class Up(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.up = nn.ConvTranspose2d(c_in, c_out, 2, stride=2)
        self.conv = double_conv(c_out * 2, c_out)

    def forward(self, x, skip):
        x = self.up(x)
        return self.conv(torch.cat([center_crop(skip, x), x], dim=1))


class UNet(nn.Module):
    def __init__(self, c_in=1, classes=2):
        super().__init__()
        self.inc = double_conv(c_in, 64)
        self.down1, self.down2, self.down3, self.down4 = Down(64, 128), Down(128, 256), Down(256, 512), Down(512, 1024)
        self.up1, self.up2, self.up3, self.up4 = Up(1024, 512), Up(512, 256), Up(256, 128), Up(128, 64)
        self.outc = nn.Conv2d(64, classes, 1)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x4 = self.down3(x3)
        x5 = self.down4(x4)
        x = self.up1(x5, x4)
        x = self.up2(x, x3)
        x = self.up3(x, x2)
        x = self.up4(x, x1)
        return self.outc(x)


# --- YOLOv8n backbone + neck, from ultralytics: ultralytics/cfg/models/v8/yolov8.yaml (scale n: depth 0.33,
# width 0.25, max_channels 1024) and ultralytics/nn/modules/{conv,block,head}.py (Conv, Bottleneck, C2f,
# SPPF, Concat, Detect, DFL). Names are ultralytics' state_dict names (model.0.conv.weight, model.2.m.0.cv1.bn...).
# One difference that changes no weight: ultralytics' Conv shares one class-level nn.SiLU (default_act);
# here each Conv has its own, so every `act` is called once.
class Conv(nn.Module):
    def __init__(self, c1, c2, k=1, s=1):
        super().__init__()
        self.conv = nn.Conv2d(c1, c2, k, s, k // 2, bias=False)
        self.bn = nn.BatchNorm2d(c2, eps=0.001, momentum=0.03)
        self.act = nn.SiLU()

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class Bottleneck(nn.Module):
    def __init__(self, c1, c2, shortcut=True):
        super().__init__()
        self.cv1, self.cv2 = Conv(c1, c2, 3), Conv(c2, c2, 3)  # e=1.0, k=((3,3),(3,3)) as C2f builds it
        self.add = shortcut and c1 == c2

    def forward(self, x):
        y = self.cv2(self.cv1(x))
        return x + y if self.add else y


class C2f(nn.Module):
    def __init__(self, c1, c2, n=1, shortcut=False):
        super().__init__()
        self.c = int(c2 * 0.5)
        self.cv1 = Conv(c1, 2 * self.c, 1, 1)
        self.cv2 = Conv((2 + n) * self.c, c2, 1)
        self.m = nn.ModuleList(Bottleneck(self.c, self.c, shortcut) for _ in range(n))

    def forward(self, x):
        y = list(self.cv1(x).chunk(2, 1))
        y.extend(m(y[-1]) for m in self.m)
        return self.cv2(torch.cat(y, 1))


class SPPF(nn.Module):
    def __init__(self, c1, c2, k=5):
        super().__init__()
        c_ = c1 // 2
        self.cv1 = Conv(c1, c_, 1, 1)
        self.cv2 = Conv(c_ * 4, c2, 1, 1)
        self.m = nn.MaxPool2d(k, 1, k // 2)  # one module called three times in a chain

    def forward(self, x):
        y = [self.cv1(x)]
        y.extend(self.m(y[-1]) for _ in range(3))
        return self.cv2(torch.cat(y, 1))


class Concat(nn.Module):
    def forward(self, xs):
        return torch.cat(xs, 1)


class DFL(nn.Module):
    def __init__(self, c1=16):
        super().__init__()
        self.conv = nn.Conv2d(c1, 1, 1, bias=False).requires_grad_(False)


class Detect(nn.Module):
    """Only counted (it is not part of the sample): the published total includes it."""
    def __init__(self, nc=80, ch=(64, 128, 256)):
        super().__init__()
        reg_max = 16
        c2, c3 = max(16, ch[0] // 4, reg_max * 4), max(ch[0], min(nc, 100))
        self.cv2 = nn.ModuleList(nn.Sequential(Conv(x, c2, 3), Conv(c2, c2, 3), nn.Conv2d(c2, 4 * reg_max, 1)) for x in ch)
        self.cv3 = nn.ModuleList(nn.Sequential(Conv(x, c3, 3), Conv(c3, c3, 3), nn.Conv2d(c3, nc, 1)) for x in ch)
        self.dfl = DFL(reg_max)


class YOLOv8n(nn.Module):
    # (from, module) in yolov8.yaml order, channels already scaled by width 0.25, repeats by depth 0.33
    def __init__(self):
        super().__init__()
        self.sources = [-1] * 10 + [-1, [-1, 6], -1, -1, [-1, 4], -1, -1, [-1, 12], -1, -1, [-1, 9], -1]
        self.model = nn.ModuleList([
            Conv(3, 16, 3, 2),           # 0  P1/2
            Conv(16, 32, 3, 2),          # 1  P2/4
            C2f(32, 32, 1, True),        # 2
            Conv(32, 64, 3, 2),          # 3  P3/8
            C2f(64, 64, 2, True),        # 4
            Conv(64, 128, 3, 2),         # 5  P4/16
            C2f(128, 128, 2, True),      # 6
            Conv(128, 256, 3, 2),        # 7  P5/32
            C2f(256, 256, 1, True),      # 8
            SPPF(256, 256, 5),           # 9
            nn.Upsample(None, 2, 'nearest'),  # 10
            Concat(),                    # 11 cat backbone P4
            C2f(384, 128, 1),            # 12
            nn.Upsample(None, 2, 'nearest'),  # 13
            Concat(),                    # 14 cat backbone P3
            C2f(192, 64, 1),             # 15 (P3/8-small)
            Conv(64, 64, 3, 2),          # 16
            Concat(),                    # 17 cat head P4
            C2f(192, 128, 1),            # 18 (P4/16-medium)
            Conv(128, 128, 3, 2),        # 19
            Concat(),                    # 20 cat head P5
            C2f(384, 256, 1),            # 21 (P5/32-large)
            Detect(80, (64, 128, 256)),  # 22 not run here: the sample stops at the neck
        ])

    def forward(self, x):
        outs = []
        for m, src in zip(list(self.model)[:22], self.sources):
            if isinstance(src, list):
                x = m([x if s == -1 else outs[s] for s in src])
            else:
                x = m(x)
            outs.append(x)
        return outs[15], outs[18], outs[21]
