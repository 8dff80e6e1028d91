#!/usr/bin/env python3
"""PyTorch on this machine, for bench/runner.bench.ts to print beside the runner's figures: median
forward time (ms) at batch 1 for LeNet-5, the bench's small VGG and torchvision's ResNet-18, with as many
threads as cores (the runner uses as many). Prints one JSON object. Needs Debian's python3-torch
(scripts/install-pytorch.sh) and python3-torchvision for ResNet-18 (skipped without it)."""
import json, os, statistics, time

import torch
import torch.nn as nn

torch.set_num_threads(os.cpu_count() or 1)


def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def small_vgg():
    layers, c = [], 3
    for f in (32, 64, 128):
        layers += [nn.Conv2d(c, f, 3, padding=1), nn.ReLU(), nn.Conv2d(f, f, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        c = f
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(128 * 8 * 8, 256), nn.ReLU(), nn.Linear(256, 10), nn.Softmax(1))


def median_ms(model, shape, runs):
    x = torch.rand(*shape)
    model.eval()
    with torch.no_grad():
        for _ in range(5):
            model(x)
        ts = []
        for _ in range(runs):
            t = time.perf_counter()
            model(x)
            ts.append((time.perf_counter() - t) * 1000)
    return statistics.median(ts)


out = {"torch": torch.__version__, "threads": torch.get_num_threads()}
out["LeNet-5 32×32"] = median_ms(lenet(), (1, 1, 32, 32), 300)
out["small VGG 64×64"] = median_ms(small_vgg(), (1, 3, 64, 64), 50)
try:
    import torchvision
    out["ResNet-18 224×224"] = median_ms(torchvision.models.resnet18(), (1, 3, 224, 224), 30)
except ImportError:
    pass
print(json.dumps(out))
