#!/usr/bin/env python3
"""Writes tests/samples/expected/v2/<sample>.json: what PyTorch itself says about each v2 sample.

For every sample with a PyTorch counterpart (torchvision's own model where torchvision has it, else the
faithful modules in reference_models.py), builds the model, runs it once on a zero input of the sample's
size with forward hooks on every leaf module, and records per leaf module: its full name (the name the
sample's layer must have, blocks expanded), its output as width x height x depth, its parameter count and
how often it was called. Parameters owned directly by a non-leaf module (ConvNeXt's layer_scale) are
recorded as `<module>.<parameter>` with that module's output. The total is checked against the published
count before anything is written; a mismatch stops the script.

These files come from PyTorch, never from the checker. Usage (Debian's python3-torch 1.13, torchvision 0.14):
    /usr/bin/python3 tests/pytorch/torchvision_reference.py [SAMPLE_STEM...]
"""
import json, os, re, sys

import torch
import torchvision
from torch import nn
from torchvision import models

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_models as ref  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'tests', 'samples', 'expected', 'v2')
TV = f'torchvision {torchvision.__version__.split("a")[0]}'
TV_DOCS = 'torchvision docs, <Model>_Weights.IMAGENET1K_V1.meta["num_params"]'

# Leaf modules the format has no layer for and that change neither shape nor parameters at inference.
NOT_IN_FORMAT = {
    'Permute': 'ConvNeXt moves channels last for nn.LayerNorm/nn.Linear; the format\'s layernorm and 1x1 conv work on depth directly',
    'StochasticDepth': 'the identity at inference (drops whole residual branches only while training)',
}

# name: (builder, input (W, H, D), published total or None, where the published total comes from,
#        regex of module names whose output is channels-last (N, H, W, C))
MODELS = {
    'resnet18': (lambda: models.resnet18(), (224, 224, 3), 11_689_512, TV_DOCS, None),
    'resnet50': (lambda: models.resnet50(), (224, 224, 3), 25_557_032, TV_DOCS, None),
    'mobilenet_v2': (lambda: models.mobilenet_v2(), (224, 224, 3), 3_504_872, TV_DOCS, None),
    'mobilenet_v3_small': (lambda: models.mobilenet_v3_small(), (224, 224, 3), 2_542_856, TV_DOCS, None),
    'efficientnet_b0': (lambda: models.efficientnet_b0(), (224, 224, 3), 5_288_548, TV_DOCS, None),
    'convnext_tiny': (lambda: models.convnext_tiny(), (224, 224, 3), 28_589_128, TV_DOCS, r'\.block\.[2-5]$'),
    'shufflenet_v2_x1_0': (lambda: models.shufflenet_v2_x1_0(), (224, 224, 3), 2_278_604, TV_DOCS, None),
    'dcgan_generator': (ref.DCGANGenerator, (1, 1, 100), None,
                        'none published; pytorch/examples dcgan/main.py Generator (nz=100, ngf=64, nc=3)', None),
    'dcgan_discriminator': (ref.DCGANDiscriminator, (64, 64, 3), None,
                            'none published; pytorch/examples dcgan/main.py Discriminator (ndf=64, nc=3)', None),
    'unet': (ref.UNet, (572, 572, 1), None,
             'none published in the paper; Ronneberger et al. 2015, Fig. 1, 1 input channel, 2 classes', None),
    # The published 3,157,200 ("YOLOv8n summary: 225 layers, 3157200 parameters") includes the Detect head
    # (nc=80), which the sample leaves out; it is checked on the full model, then the head is subtracted.
    'yolov8n': (ref.YOLOv8n, (640, 640, 3), 3_157_200,
                'ultralytics YOLOv8n model summary (3,157,200 with the 80-class Detect head, model.22)', None),
}
# Modules counted for the published total but not part of the sample.
EXCLUDED_PREFIX = {'yolov8n': 'model.22.'}


def shape_of(t, channels_last):
    if t.dim() == 2:
        return {'width': 1, 'height': 1, 'depth': int(t.shape[1])}
    if t.dim() != 4:
        raise ValueError(f'unexpected output rank {t.dim()}')
    _, a, b, c = (int(v) for v in t.shape)
    return {'width': c, 'height': b, 'depth': a} if not channels_last else {'width': b, 'height': a, 'depth': c}


def reference(stem):
    build, (w, h, d), published, source, nhwc = MODELS[stem]
    torch.manual_seed(0)
    model = build().eval()
    total = sum(p.numel() for p in model.parameters())
    if published is not None and total != published:
        raise SystemExit(f'{stem}: PyTorch model has {total:,} parameters, published {published:,}')
    excluded = EXCLUDED_PREFIX.get(stem)
    if excluded:
        total -= sum(p.numel() for n, p in model.named_parameters() if n.startswith(excluded))

    calls, hooks, skipped = {}, [], {}
    names = dict(model.named_modules())
    for name, mod in names.items():
        leaf = next(mod.children(), None) is None
        own = list(mod.named_parameters(recurse=False))
        if not name or not (leaf or own):
            continue
        if type(mod).__name__ in NOT_IN_FORMAT:
            skipped[type(mod).__name__] = NOT_IN_FORMAT[type(mod).__name__]
            continue

        def hook(m, args, out, name=name):
            calls.setdefault(name, []).append(shape_of(out, bool(nhwc and re.search(nhwc, name))))
        hooks.append(mod.register_forward_hook(hook))
    with torch.no_grad():
        model(torch.zeros(1, d, h, w))
    for hk in hooks:
        hk.remove()

    entries = []
    for name, outs in calls.items():  # hooks fire in call order: the order the layers run
        mod = names[name]
        leaf = next(mod.children(), None) is None
        if leaf:
            entry = {'name': name, 'module': type(mod).__name__, 'output': outs[0],
                     'params': sum(p.numel() for p in mod.parameters()), 'calls': len(outs)}
            if len(outs) > 1:  # one module used several times (ResNet's relu): every call's output, in order
                entry['outputs'] = outs
            entries.append(entry)
        for pname, p in mod.named_parameters(recurse=False):
            if not leaf:  # a parameter of a composite module, e.g. ConvNeXt's layer_scale
                entries.append({'name': f'{name}.{pname}', 'module': 'Parameter', 'output': outs[0],
                                'params': p.numel(), 'calls': len(outs)})
    listed = sum(e['params'] for e in entries)
    if listed != total:
        raise SystemExit(f'{stem}: the recorded modules hold {listed:,} parameters, the model {total:,}')
    return {
        'sample': f'samples/v2/{stem.replace("_", "-")}.cnn.yaml',
        'reference': f'{type(model).__module__}.{type(model).__name__} '
                     f'({TV + ", " if type(model).__module__.startswith("torchvision") else ""}torch {torch.__version__.split("a")[0]})',
        'input': {'width': w, 'height': h, 'depth': d},
        'params': total,
        'published': published,
        'publishedSource': source,
        'notInFormat': skipped,
        'modules': entries,
    }


def path_of(stem):
    return os.path.join(OUT, f'{stem.replace("_", "-")}.json')


def text_of(data):
    """JSON with one module a line, so that a diff shows which module changed."""
    head = [f'  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},' for k, v in data.items() if k != 'modules']
    body = ',\n'.join(f'    {json.dumps(e)}' for e in data['modules'])
    return '{\n' + '\n'.join(head) + '\n  "modules": [\n' + body + '\n  ]\n}\n'


def write(stem, data):
    os.makedirs(OUT, exist_ok=True)
    with open(path_of(stem), 'w') as f:
        f.write(text_of(data))
    print(f'{path_of(stem)}: {data["params"]:,} parameters, {len(data["modules"])} modules')


if __name__ == '__main__':
    torch.set_num_threads(1)
    for stem in sys.argv[1:] or MODELS:
        write(stem, reference(stem))
