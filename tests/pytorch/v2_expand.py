#!/usr/bin/env python3
"""A second, independent reading of the v2 format, in Python, for the samples: expands `blocks` (params,
`$name`, `repeat`, `first`, full names) into a flat layer list, and runs that list in PyTorch.

Not the checker: a small tool to check the v2 samples against tests/samples/expected/v2/ before the core
reads v2, and to write a block sample out flat. Handles the layer types the samples use.
    /usr/bin/python3 tests/pytorch/v2_expand.py check samples/v2/resnet50.cnn.yaml ...
    /usr/bin/python3 tests/pytorch/v2_expand.py flat samples/v2/resnet50.cnn.yaml   (flat YAML on stdout)
"""
import json, math, os, re, sys

import torch
import torch.nn.functional as F
import yaml
from torch import nn

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def parse_input(v):
    if isinstance(v, str):
        w, h, d = (int(x) for x in v.lower().split('x'))
        return w, h, d
    return v['width'], v['height'], v['depth']


def substitute(value, env):
    if isinstance(value, str) and value.startswith('$'):
        if value[1:] not in env:
            raise ValueError(f'unknown parameter {value}')
        return env[value[1:]]
    if isinstance(value, list):
        return [substitute(v, env) for v in value]
    return value


def expand(model):
    """Flat list of dicts {name, type, inputs: [full names], **params, block}, blocks expanded."""
    blocks = model.get('blocks') or {}
    out = []

    def run(layers, prefix, env, scope, default_in, block):
        """scope: local name -> full name of the layer whose output it is."""
        prev = default_in
        for i, raw in enumerate(layers):
            layer = {'type': raw} if isinstance(raw, str) else dict(raw)
            local = str(layer.pop('name', i))
            full = prefix + local
            ltype = layer.pop('type')
            refs = layer.pop('inputs', None)
            if refs is None:
                srcs = [prev]
            else:
                refs = refs if isinstance(refs, list) else [refs]
                srcs = [scope[str(r)] for r in refs]
            params = {k: substitute(v, env) for k, v in layer.items()}
            if ltype in blocks:
                bdef = blocks[ltype]
                repeat, first = params.pop('repeat', None), params.pop('first', 0)
                benv = {k: v for k, v in (bdef.get('params') or {}).items() if v is not None}
                unknown = set(params) - set(bdef.get('params') or {})
                if unknown:
                    raise ValueError(f'{full}: unknown block parameters {unknown}')
                benv.update(params)
                missing = set(bdef.get('params') or {}) - set(benv)
                if missing:
                    raise ValueError(f'{full}: missing block parameters {missing}')
                names = bdef.get('inputs') or ['input']

                def copy(cprefix, srcs):
                    bscope = dict(zip(names, srcs))
                    last = run(bdef['layers'], cprefix + '.', benv, bscope, srcs[0], cprefix)
                    return bscope[bdef['output']] if 'output' in bdef else last
                if repeat is None:
                    result = copy(full, srcs)
                else:
                    for j in range(first, first + repeat):
                        result = copy(f'{full}.{j}', srcs)
                        scope[f'{local}.{j}'] = result
                        srcs = [result]
                scope[local] = result
                prev = result
                continue
            if 'like' in params:
                params['like'] = scope[params['like']]
            out.append({'name': full, 'type': ltype, 'inputs': srcs, 'block': block, **params})
            scope[local] = full
            prev = full
        return prev

    run(model['layers'], '', {}, {'input': 'input'}, 'input', None)
    return out


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


ACT = {'relu': nn.ReLU, 'relu6': nn.ReLU6, 'silu': nn.SiLU, 'hardswish': nn.Hardswish, 'hardsigmoid': nn.Hardsigmoid,
       'sigmoid': nn.Sigmoid, 'tanh': nn.Tanh, 'gelu': nn.GELU, 'mish': nn.Mish}


class ChannelNorm(nn.Module):
    """The format's layernorm: over depth at each position (ConvNeXt's LayerNorm2d)."""
    def __init__(self, c, eps):
        super().__init__()
        self.ln = nn.LayerNorm(c, eps=eps)

    def forward(self, x):
        return self.ln(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


def module_for(l, c, rounding):
    t = l['type']
    if t in ('conv', 'convtranspose'):
        pad = l.get('padding', 0)
        if pad == 'valid':
            pad = 0
        assert pad != 'same', 'same padding is not used by the samples'
        g = l.get('groups', 1)
        if t == 'conv':
            return nn.Conv2d(c, l['filters'], pair(l['kernel']), pair(l.get('stride', 1)), pair(pad), pair(l.get('dilation', 1)), g, l.get('bias', True))
        return nn.ConvTranspose2d(c, l['filters'], pair(l['kernel']), pair(l.get('stride', 1)), pair(pad), pair(l.get('output_padding', 0)), g, l.get('bias', True), pair(l.get('dilation', 1)))
    if t == 'batchnorm':
        return nn.BatchNorm2d(c, eps=l.get('eps', 1e-5))
    if t in ACT:
        return ACT[t]()
    if t == 'leakyrelu':
        return nn.LeakyReLU(l.get('slope', 0.01))
    if t in ('maxpool', 'avgpool'):
        cls = nn.MaxPool2d if t == 'maxpool' else nn.AvgPool2d
        k = pair(l['kernel'])
        return cls(k, pair(l.get('stride', l['kernel'])), pair(l.get('padding', 0)), ceil_mode=l.get('rounding', rounding) == 'ceil')
    if t == 'globalavgpool':
        return nn.AdaptiveAvgPool2d(1)
    if t == 'adaptiveavgpool':
        return nn.AdaptiveAvgPool2d(pair(l['size']))
    if t == 'flatten':
        return nn.Flatten()
    if t == 'dense':
        return nn.Linear(c, l['units'], l.get('bias', True))
    if t == 'dropout':
        return nn.Dropout(l.get('rate', 0.5))
    if t == 'layernorm':
        return ChannelNorm(c, l.get('eps', 1e-5))
    if t == 'scale':
        m = nn.Module()
        m.weight = nn.Parameter(torch.ones(c, 1, 1))
        m.forward = lambda x: x * m.weight
        return m
    if t == 'upsample':
        return nn.Upsample(scale_factor=l['scale'], mode=l.get('mode', 'nearest'))
    return None  # multi-input and functional types, handled in run()


def crop_amounts(l, x, like):
    dh, dw = x.shape[2] - like[2], x.shape[3] - like[3]
    return dh // 2, dw // 2


def run_flat(model, layers, shapes_of=None):
    w, h, d = parse_input(model['input'])
    rounding = model.get('rounding', 'strict')
    vals = {'input': torch.zeros(1, d, h, w)}
    rows = []
    for l in layers:
        xs = [vals[s] for s in l['inputs']]
        x, t = xs[0], l['type']
        m = module_for(l, x.shape[1] if x.dim() > 1 else None, rounding)
        if m is not None:
            if t == 'dense':
                assert x.dim() == 2 or (x.shape[2] == 1 and x.shape[3] == 1), f'{l["name"]}: dense on {tuple(x.shape)}'
                x = x.reshape(x.shape[0], -1)
            y = m(x)
            params = sum(p.numel() for p in m.parameters())
        else:
            params = 0
            if t == 'add':
                y = sum(xs[1:], xs[0])
                assert all(v.shape == y.shape for v in xs), f'{l["name"]}: add of {[tuple(v.shape) for v in xs]}'
            elif t == 'multiply':
                y = xs[0]
                for v in xs[1:]:
                    y = y * v
            elif t == 'concat':
                y = torch.cat(xs, 1)
            elif t == 'slice':
                y = x[:, l.get('from', 0):l.get('to', x.shape[1])]
            elif t == 'shuffle':
                g = l['groups']
                n, c, hh, ww = x.shape
                y = x.view(n, g, c // g, hh, ww).transpose(1, 2).reshape(n, c, hh, ww)
            elif t == 'crop':
                like = vals[l['like']].shape
                top, left = crop_amounts(l, x, like)
                y = x[:, :, top:top + like[2], left:left + like[3]]
            else:
                raise ValueError(f'{l["name"]}: type {t} not handled here')
        vals[l['name']] = y
        shape = {'width': 1, 'height': 1, 'depth': y.shape[1]} if y.dim() == 2 else {'width': y.shape[3], 'height': y.shape[2], 'depth': y.shape[1]}
        rows.append({'name': l['name'], 'type': t, 'output': {k: int(v) for k, v in shape.items()}, 'params': params})
    return rows


def check(path):
    model = yaml.safe_load(open(path))
    rows = run_flat(model, expand(model))
    by_name = {r['name']: r for r in rows}
    stem = os.path.basename(path).split('.cnn.')[0]
    exp = json.load(open(os.path.join(ROOT, 'tests', 'samples', 'expected', 'v2', stem + '.json')))
    bad = []
    for e in exp['modules']:
        for k, want in enumerate(e.get('outputs', [e['output']])):
            name = e['name'] if k == 0 else f'{e["name"]}{k + 1}'
            got = by_name.get(name)
            if got is None:
                bad.append(f'missing {name}')
            elif got['output'] != want or (k == 0 and got['params'] != e['params']):
                bad.append(f'{name}: expected {want} {e["params"]}, got {got["output"]} {got["params"]}')
    total = sum(r['params'] for r in rows)
    if total != exp['params']:
        bad.append(f'total {total:,} != {exp["params"]:,}')
    print(f'{path}: {len(rows)} layers, {total:,} params, {len(bad)} problems')
    for b in bad[:20]:
        print('   ', b)
    return not bad


if __name__ == '__main__':
    cmd, files = sys.argv[1], sys.argv[2:]
    if cmd == 'check':
        sys.exit(0 if all([check(f) for f in files]) else 1)
    if cmd == 'dump':
        for f in files:
            m = yaml.safe_load(open(f))
            for r in run_flat(m, expand(m)):
                print(r)
