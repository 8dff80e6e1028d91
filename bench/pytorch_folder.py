#!/usr/bin/env python3
"""PyTorch doing what `cnnshape run MODEL FOLDER --json` does, for bench/runnerScale.ts to time beside it
as a whole process: read every PNG of a folder in name order, decode it (PIL), resize it to the input
size, make the tensor, run torchvision's ResNet-18 (random initialisation, eval mode, no gradients), and
print each image's top-5 after softmax as a JSON line. Batches of `--batch` images (the CLI's default is
8). Usage: pytorch_folder.py FOLDER [--batch N]. Needs Debian's python3-torch and python3-torchvision."""
import json, os, sys

import torch
import torchvision
from PIL import Image

torch.set_num_threads(os.cpu_count() or 1)
folder = sys.argv[1]
batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 8
files = sorted(f for f in os.listdir(folder) if f.lower().endswith(".png"))
model = torchvision.models.resnet18().eval()
to_tensor = torchvision.transforms.ToTensor()


def load(name):
    with Image.open(os.path.join(folder, name)) as im:
        return to_tensor(im.convert("RGB").resize((224, 224), Image.BILINEAR))


with torch.no_grad():
    for at in range(0, len(files), batch):
        names = files[at:at + batch]
        probs = torch.softmax(model(torch.stack([load(n) for n in names])), 1)
        top = probs.topk(5, 1)
        for i, name in enumerate(names):
            print(json.dumps({"image": name, "top": [[int(c), float(p)] for p, c in zip(top.values[i], top.indices[i])]}))
