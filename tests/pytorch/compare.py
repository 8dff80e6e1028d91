#!/usr/bin/env python3
"""Checks CNN Shape against PyTorch itself (Debian's python3-torch), as a user's PyTorch would judge it.

For N random networks (seeded): build the same network in PyTorch, write it as a model file, random
weights as .safetensors and a random PNG at the model's size; then
  - `cnnshape check --json`: every layer's output shape must be what PyTorch gives (or the file must
    have an error where PyTorch refuses the layer);
  - `cnnshape run --json`: the output must match PyTorch's within 1e-4 (relative to the output's scale).
Prints one line per failure and a closing line "pytorch: N passed, N failed"; exit 1 on any failure.
Usage: compare.py CNNSHAPE_JS WORKDIR [N] [SEED]
"""
import json, math, os, random, struct, subprocess, sys, zlib

import torch
import torch.nn.functional as F

torch.set_num_threads(1)

CLI, WORK = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 60
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 7
os.makedirs(WORK, exist_ok=True)


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for k, t in tensors.items():
        data = t.detach().contiguous().to(torch.float32).numpy().tobytes()
        header[k] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def write_png(path, pixels, w, h, channels):
    """8-bit grey (1) or RGB (3) PNG, no library needed."""
    color = 0 if channels == 1 else 2
    raw = b"".join(b"\x00" + bytes(pixels[(y * w) * channels:(y * w + w) * channels]) for y in range(h))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, color, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def same_pads(n, k, s, d):
    out = -(-n // s)
    total = max((out - 1) * s + d * (k - 1) + 1 - n, 0)
    return total // 2, total - total // 2


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


# ---------------------------------------------------------------- v2 types: norms, products, pad/crop, channel and pixel moves

V2B_TYPES = {"layernorm", "groupnorm", "instancenorm", "lrn", "scale", "multiply", "pad", "crop", "slice", "shuffle",
             "pixelshuffle", "pixelunshuffle"}


def random_layers_v2b(rng, c):
    """A random layer of the v2 types above (sometimes one PyTorch refuses), after a 1×1 conv where the type
    needs a depth that divides; returns (layers, new depth)."""
    layer, d = random_layer_v2b(rng, c)
    if layer["type"] == "pixelshuffle" and c % (layer["factor"] ** 2) and rng.random() < 0.8:
        f = layer["factor"] ** 2 * rng.randint(2, 3)
        return [{"type": "conv", "filters": f, "kernel": 1, "padding": 0}, layer], f // layer["factor"] ** 2
    return [layer], d


def random_layer_v2b(rng, c):
    """One random layer of the v2 types above (sometimes one PyTorch refuses); returns (layer, new depth)."""
    kind = rng.choice(["layernorm", "groupnorm", "instancenorm", "lrn", "scale", "pad", "crop", "slice", "shuffle",
                       "pixelshuffle", "pixelunshuffle"])
    if kind == "layernorm":
        return {"type": kind, "eps": rng.choice([1e-5, 1e-6]), **({"channels": c} if rng.random() < 0.3 else {})}, c
    if kind == "groupnorm":
        return {"type": kind, "groups": rng.choice([1, c, 2, 3])}, c  # 2, 3 may not divide: PyTorch refuses
    if kind == "instancenorm":
        return {"type": kind, "affine": rng.choice([True, False]), "eps": 1e-5}, c
    if kind == "lrn":
        return {"type": kind, "size": rng.randint(1, 5), "alpha": rng.choice([1e-4, 0.1, 1.0]), "beta": rng.choice([0.75, 0.5]),
                "k": rng.choice([1, 2])}, c
    if kind == "scale":
        return {"type": kind}, c
    if kind == "pad":
        amount = rng.choice([1, 2, [1, 0], [0, 2, 1, 3], [3, 1, 0, 2]])
        return {"type": kind, "amount": amount, "mode": rng.choice(["zeros", "reflect", "replicate"])}, c
    if kind == "crop":
        return {"type": kind, "amount": rng.choice([1, [1, 0], [0, 1, 2, 0], [2, 3]])}, c
    if kind == "slice":
        frm = rng.choice([0, 1, -1, -c]) if c > 1 else 0
        layer = {"type": kind, "from": frm}
        if rng.random() < 0.6:
            layer["to"] = rng.choice([c, -1, 1, c + 1]) if c > 1 else 1
        f = frm + c if frm < 0 else frm
        t = layer.get("to", c)
        t = t + c if t < 0 else t
        return layer, max(t - f, 1)
    if kind == "shuffle":
        return {"type": kind, "groups": rng.choice([1, 2, 3])}, c
    r = rng.choice([1, 2])
    if kind == "pixelshuffle":
        return {"type": kind, "factor": r}, max(c // (r * r), 1)
    return {"type": kind, "factor": r}, c * r * r


def branch_v2b(rng, layers, src, c):
    """A branch of the v2 types from `src` (depth c): squeeze-and-excitation (multiply), U-Net's crop-and-concat
    (crop like), or a ShuffleNet unit (slice, concat, shuffle). Returns the new depth."""
    kind = rng.choice(["se", "unet", "shuffle"] if c > 1 else ["se", "unet"])
    if kind == "se":
        gate = c if rng.random() < 0.8 else rng.choice([1, c + 1])  # c + 1 does not broadcast: PyTorch refuses
        layers += [{"type": "globalavgpool", "inputs": src, "name": "squeeze"},
                   {"type": "conv", "filters": max(c // 2, 1), "kernel": 1, "padding": 0}, {"type": "relu"},
                   {"type": "conv", "filters": gate, "kernel": 1, "padding": 0}, {"type": "sigmoid", "name": "gate"},
                   {"type": "multiply", "inputs": rng.choice([[src, "gate"], ["gate", src]])}]
        return max(c, gate)
    if kind == "unet":
        layers += [{"type": "maxpool", "kernel": 2, "padding": 0, "inputs": src}, {"type": "conv", "filters": c, "kernel": 3, "padding": 1},
                   {"type": "upsample", "scale": 2, "name": "up"}]
        if rng.random() < 0.85:
            layers += [{"type": "crop", "inputs": src, "like": "up", "name": "skip"}, {"type": "concat", "inputs": ["up", "skip"]}]
        else:  # cropping the smaller map to the larger: an error in the format, and PyTorch's slice would be short
            layers += [{"type": "crop", "inputs": "up", "like": src, "name": "skip"}, {"type": "concat", "inputs": [src, "skip"]}]
        return 2 * c
    half = c // 2
    layers += [{"type": "slice", "inputs": src, "to": half, "name": "left"},
               {"type": "slice", "inputs": src, "from": half},
               {"type": "conv", "filters": c - half, "kernel": 3, "padding": 1, "name": "right"},
               {"type": "concat", "inputs": ["left", "right"]}, {"type": "shuffle", "groups": 2}]
    return c


def forward_v2b(L, x, srcs, named, weights, key, g):
    """PyTorch for the v2 types above. Raises RuntimeError where PyTorch refuses the layer, and also where
    the format is stricter than Python's slicing (an empty or out-of-range slice or crop)."""
    t = L["type"]
    c, h, w = x.shape[1], x.shape[2], x.shape[3]
    if t in ("layernorm", "groupnorm", "scale") or (t == "instancenorm" and L.get("affine")):
        wt = torch.rand(c, generator=g) + 0.5
        weights[f"{key}.weight"] = wt
        if t != "scale":
            weights[f"{key}.bias"] = torch.randn(c, generator=g) * 0.1
    if t == "layernorm":
        if L.get("channels", c) != c:
            raise RuntimeError("layernorm channels")
        return F.layer_norm(x.permute(0, 2, 3, 1), (c,), weights[f"{key}.weight"], weights[f"{key}.bias"], L.get("eps", 1e-5)).permute(0, 3, 1, 2)
    if t == "groupnorm":
        return F.group_norm(x, L["groups"], weights[f"{key}.weight"], weights[f"{key}.bias"], L.get("eps", 1e-5))
    if t == "instancenorm":
        wt, b = (weights[f"{key}.weight"], weights[f"{key}.bias"]) if L.get("affine") else (None, None)
        return F.instance_norm(x, weight=wt, bias=b, eps=L.get("eps", 1e-5))
    if t == "lrn":
        return F.local_response_norm(x, L["size"], L.get("alpha", 1e-4), L.get("beta", 0.75), L.get("k", 1))
    if t == "scale":
        return x * weights[f"{key}.weight"].view(1, -1, 1, 1)
    if t == "multiply":
        y = srcs[0]
        for z in srcs[1:]:
            y = y * z
        return y
    if t == "pad":
        a = L["amount"]
        top, bottom, left, right = (a,) * 4 if isinstance(a, int) else (a[0], a[0], a[1], a[1]) if len(a) == 2 else a
        mode = {"zeros": "constant", "reflect": "reflect", "replicate": "replicate"}[L.get("mode", "zeros")]
        return F.pad(x, (left, right, top, bottom), mode=mode)
    if t == "crop":
        if "like" in L:
            th, tw = named[L["like"]].shape[2], named[L["like"]].shape[3]
            if th > h or tw > w:
                raise RuntimeError("crop to a larger size")
            top, left = (h - th) // 2, (w - tw) // 2
            return x[:, :, top:top + th, left:left + tw]
        a = L["amount"]
        top, bottom, left, right = (a,) * 4 if isinstance(a, int) else (a[0], a[0], a[1], a[1]) if len(a) == 2 else a
        if h - top - bottom < 1 or w - left - right < 1:
            raise RuntimeError("crop leaves nothing")
        return x[:, :, top:h - bottom, left:w - right]
    if t == "slice":
        f, e = L.get("from", 0), L.get("to", c)
        f, e = f + c if f < 0 else f, e + c if e < 0 else e
        if not (0 <= f < c and 0 <= e <= c and e > f):
            raise RuntimeError(f"slice [{f}, {e}) of {c}")
        return x[:, f:e]
    if t == "shuffle":
        gr = L["groups"]
        return x.view(x.shape[0], gr, c // gr if c % gr == 0 else -1, h, w).transpose(1, 2).reshape(x.shape[0], c, h, w)
    if t == "pixelshuffle":
        return F.pixel_shuffle(x, L["factor"])
    if t == "pixelunshuffle":
        return F.pixel_unshuffle(x, L["factor"])
    raise ValueError(t)


def random_network(rng):
    """A random sequential network as (input, rounding, layers); each layer a dict as in the format."""
    depth = rng.choice([1, 3])
    size = rng.choice([8, 9, 12, 16, 17, 24])
    rounding = rng.choice(["floor", "ceil", "strict"])
    layers, c = [], depth
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(["conv", "conv", "maxpool", "avgpool", "act", "batchnorm", "v2", "v2", "v2b", "v2b"])
        if kind == "v2":
            layer, c = random_layer_v2(rng, c)
        elif kind == "v2b":
            more, c = random_layers_v2b(rng, c)
            layers += more[:-1]
            layer = more[-1]
        elif kind == "conv":
            groups = rng.choice([1, 1, c]) if c > 1 else 1
            filters = groups * rng.randint(1, 4)
            layer = {"type": "conv", "filters": filters, "kernel": rng.choice([1, 2, 3, [3, 1], [2, 3]]),
                     "stride": rng.choice([1, 1, 2, [2, 1]]), "padding": rng.choice([0, 1, [1, 0], "same", "valid"]),
                     "dilation": rng.choice([1, 1, 2]), "groups": groups, "bias": rng.choice([True, False])}
            c = filters
        elif kind in ("maxpool", "avgpool"):
            k = rng.choice([2, 3, [2, 3]])
            kp = pair(k)
            layer = {"type": kind, "kernel": k, "padding": rng.choice([0, [min(1, kp[0] // 2), 0], min(kp) // 2])}
            if rng.random() < 0.5:
                layer["stride"] = rng.choice([1, 2])
        elif kind == "act":
            layer = rng.choice([{"type": "relu"}, {"type": "sigmoid"}, {"type": "tanh"}, {"type": "gelu"},
                                {"type": "leakyrelu", "slope": 0.2}, {"type": "softmax"}, {"type": "dropout", "rate": 0.3}])
        else:
            layer = {"type": "batchnorm", "eps": 1e-3}
        layers.append(layer)
    if rng.random() < 0.3:
        if layers:
            layers[-1]["name"] = "trunk"
        c = branch_v2b(rng, layers, "trunk" if layers else "input", c)
    elif rng.random() < 0.4:
        # A branch joined by add (a ResNet shortcut) or concat (Inception): named layers and `inputs`.
        if layers:
            layers[-1]["name"] = "trunk"
            src = "trunk"
        else:
            src = "input"
        f = c if rng.random() < 0.6 else c + 1
        layers.append({"type": "conv", "name": "side", "inputs": src, "filters": f, "kernel": 3, "padding": 1})
        if rng.random() < 0.5:
            layers.append({"type": "add", "inputs": [src, "side"]})  # an error where f != c, as in PyTorch
        else:
            layers.append({"type": "concat", "inputs": ["side", src]})
            f = f + c
        c = f
    tail = rng.choice(["flatten", "gap", "none", "upsample", "adaptive"])
    if tail == "flatten":
        layers += [{"type": "flatten"}, {"type": "dense", "units": rng.randint(2, 6)}, {"type": "softmax"}]
    elif tail == "gap":
        layers += [{"type": rng.choice(["globalavgpool", "globalmaxpool"])}, {"type": "dense", "units": 3}]
    elif tail == "upsample":
        layers += [{"type": "upsample", "scale": 2}]
    elif tail == "adaptive":
        layers += random_tail_v2(rng)
    return {"width": size, "height": size + rng.choice([0, 0, 3]), "depth": depth}, rounding, layers


# ---------------------------------------------------------------- v2 layer types (layersA)

V2_TYPES = {"convtranspose", "adaptiveavgpool", "adaptivemaxpool", "relu6", "silu", "hardswish", "hardsigmoid",
            "mish", "elu", "upsample"}


def random_layer_v2(rng, c):
    """One random v2 layer (or a v1 window layer with its own `rounding`) on depth c; returns (layer, depth)."""
    kind = rng.choice(["convtranspose", "convtranspose", "adaptive", "act", "upsample", "rounding"])
    if kind == "convtranspose":
        groups = rng.choice([1, 1, c]) if c > 1 else 1
        filters = groups * rng.randint(1, 3)
        if rng.random() < 0.1:
            groups = rng.choice([2, 3])  # may not divide: PyTorch refuses, the checker must too
        s, d = rng.choice([1, 2, 2, 3, [2, 1]]), rng.choice([1, 1, 2])
        layer = {"type": "convtranspose", "filters": filters, "kernel": rng.choice([1, 2, 3, 4, [3, 2]]), "stride": s,
                 "dilation": d, "groups": groups, "bias": rng.choice([True, False])}
        if rng.random() < 0.25:
            layer["padding"] = "same"
        else:
            layer["padding"] = rng.choice([0, 1, [1, 0], 2])
            # mostly valid (below stride or dilation), sometimes not: PyTorch refuses, so must the checker
            layer["output_padding"] = rng.choice([0, 0, 1, [1, 0], 2])
        return layer, filters
    if kind == "adaptive":
        return {"type": rng.choice(["adaptiveavgpool", "adaptivemaxpool"]), "size": rng.choice([1, 2, 3, 5, [3, 4], [7, 2], 20])}, c
    if kind == "act":
        return rng.choice([{"type": "relu6"}, {"type": "silu"}, {"type": "hardswish"}, {"type": "hardsigmoid"},
                           {"type": "mish"}, {"type": "elu"}, {"type": "elu", "alpha": 0.4}]), c
    if kind == "upsample":
        return {"type": "upsample", "scale": rng.choice([1, 2, [2, 3], [1, 2]]), "mode": rng.choice(["nearest", "bilinear"])}, c
    # a window layer with its own rounding, e.g. GoogLeNet's MaxPool2d(3, 2, ceil_mode=True) in a floor network
    t = rng.choice(["maxpool", "avgpool", "conv"])
    layer = {"type": t, "kernel": rng.choice([2, 3]), "stride": rng.choice([2, 3]), "rounding": rng.choice(["ceil", "floor", "strict"])}
    if t == "conv":
        layer["filters"] = c
        layer["padding"] = rng.choice([0, 1])
        return layer, c
    layer["padding"] = rng.choice([0, 1])
    return layer, c


def random_tail_v2(rng):
    """A classifier head through an adaptive pool (torchvision's avgpool), or a transposed-conv upsampler."""
    if rng.random() < 0.5:
        return [{"type": rng.choice(["adaptiveavgpool", "adaptivemaxpool"]), "size": rng.choice([1, 3, [2, 3], 7])},
                {"type": "flatten"}, {"type": "dense", "units": 4}]
    return [{"type": "convtranspose", "filters": 2, "kernel": 4, "stride": 2, "padding": 1, "bias": False}, {"type": "silu"}]


def forward_v2(L, x, key, g, weights):
    """PyTorch for one v2 layer (raises RuntimeError where PyTorch refuses it)."""
    t = L["type"]
    if t == "convtranspose":
        k, s, d = pair(L["kernel"]), pair(L.get("stride", 1)), pair(L.get("dilation", 1))
        groups = L.get("groups", 1)
        cin = x.shape[1]
        if cin % groups or L["filters"] % groups:
            raise RuntimeError(f"groups {groups} does not divide {cin} or {L['filters']}")
        w = torch.randn(cin, L["filters"] // groups, *k, generator=g) * 0.3
        weights[f"{key}.weight"] = w
        b = None
        if L.get("bias", True):
            b = torch.randn(L["filters"], generator=g) * 0.1
            weights[f"{key}.bias"] = b
        p = L.get("padding", 0)
        if p == "same":
            # Keras' rule (PyTorch has no `same` here): n·s, removing d(k − 1) + 1 − s, the smaller half first
            y = F.conv_transpose2d(x, w, None, s, 0, 0, groups, d)
            for a in (0, 1):
                n, keff = x.shape[2 + a], d[a] * (k[a] - 1) + 1
                total = keff - s[a]
                if total >= 0:
                    y = y.narrow(2 + a, total // 2, n * s[a])
                else:
                    y = F.pad(y, (0, -total, 0, 0) if a == 1 else (0, 0, 0, -total))
            return y if b is None else y + b[None, :, None, None]
        p = (0, 0) if p == "valid" else pair(p)
        return F.conv_transpose2d(x, w, b, s, p, pair(L.get("output_padding", 0)), groups, d)
    if t == "adaptiveavgpool":
        return F.adaptive_avg_pool2d(x, pair(L["size"]))
    if t == "adaptivemaxpool":
        return F.adaptive_max_pool2d(x, pair(L["size"]))
    if t == "relu6": return F.relu6(x)
    if t == "silu": return F.silu(x)
    if t == "hardswish": return F.hardswish(x)
    if t == "hardsigmoid": return F.hardsigmoid(x)
    if t == "mish": return F.mish(x)
    if t == "elu": return F.elu(x, L.get("alpha", 1.0))
    if t == "upsample":
        mode = L.get("mode", "nearest")
        return F.interpolate(x, scale_factor=pair(L["scale"]), mode=mode, **({"align_corners": False} if mode == "bilinear" else {}))
    raise ValueError(t)


def forward(inp, rounding, layers, x, weights):
    """Runs the layers in PyTorch (eval mode), filling `weights` with the tensors it draws.
    Returns the list of per-layer outputs (or a string: why PyTorch refuses a layer)."""
    outs = []
    named = {"input": x}
    g = torch.Generator().manual_seed(1234)
    for i, L in enumerate(layers):
        t = L["type"]
        key = L.get("name", str(i))  # the state_dict prefix: the name, or the index
        if "inputs" in L:
            srcs = [named[n] for n in ([L["inputs"]] if isinstance(L["inputs"], str) else L["inputs"])]
            x = srcs[0]
        file_rounding, rounding = rounding, L.get("rounding", rounding)  # v2: a window layer's own rounding
        try:
            if t in V2_TYPES:
                x = forward_v2(L, x, key, g, weights)
            elif t == "conv":
                k, s, d = pair(L["kernel"]), pair(L.get("stride", 1)), pair(L.get("dilation", 1))
                cin = x.shape[1]
                w = torch.randn(L["filters"], cin // L.get("groups", 1), *k, generator=g) * 0.3
                weights[f"{key}.weight"] = w
                b = None
                if L.get("bias", True):
                    b = torch.randn(L["filters"], generator=g) * 0.1
                    weights[f"{key}.bias"] = b
                p = L["padding"]
                if p == "same":
                    (ht, hb), (wl, wr) = same_pads(x.shape[2], k[0], s[0], d[0]), same_pads(x.shape[3], k[1], s[1], d[1])
                    x = F.conv2d(F.pad(x, (wl, wr, ht, hb)), w, b, s, 0, d, L.get("groups", 1))
                else:
                    p = (0, 0) if p == "valid" else pair(p)
                    if rounding == "ceil":
                        # PyTorch's conv has no ceil_mode; the format's `ceil` is pooling's rule, with the
                        # windows that run past the padded input reading zeros.
                        extra = []
                        for a in (0, 1):
                            n, dk = x.shape[2 + a], d[a] * (k[a] - 1) + 1
                            if n + 2 * p[a] < dk:
                                extra.append(0)
                                continue
                            out = -(-(n + 2 * p[a] - dk) // s[a]) + 1
                            if (out - 1) * s[a] >= n + p[a]:
                                out -= 1
                            extra.append(max((out - 1) * s[a] + dk - (n + 2 * p[a]), 0))
                        x = F.pad(x, (p[1], p[1] + extra[1], p[0], p[0] + extra[0]))
                        x = F.conv2d(x, w, b, s, 0, d, L.get("groups", 1))
                    else:
                        x = F.conv2d(x, w, b, s, p, d, L.get("groups", 1))
            elif t in ("maxpool", "avgpool"):
                k = pair(L["kernel"])
                s = pair(L.get("stride", L["kernel"]))
                p = pair(L["padding"])
                ceil = rounding == "ceil"
                if t == "maxpool":
                    x = F.max_pool2d(x, k, s, p, ceil_mode=ceil)
                else:
                    x = F.avg_pool2d(x, k, s, p, ceil_mode=ceil, count_include_pad=True)
            elif t == "relu": x = F.relu(x)
            elif t == "sigmoid": x = torch.sigmoid(x)
            elif t == "tanh": x = torch.tanh(x)
            elif t == "gelu": x = F.gelu(x)
            elif t == "leakyrelu": x = F.leaky_relu(x, L["slope"])
            elif t == "softmax": x = F.softmax(x, dim=1)
            elif t == "dropout": pass
            elif t == "batchnorm":
                c = x.shape[1]
                w, b = torch.rand(c, generator=g) + 0.5, torch.randn(c, generator=g) * 0.1
                m, v = torch.randn(c, generator=g) * 0.1, torch.rand(c, generator=g) + 0.5
                weights.update({f"{key}.weight": w, f"{key}.bias": b, f"{key}.running_mean": m, f"{key}.running_var": v})
                x = F.batch_norm(x, m, v, w, b, training=False, eps=L["eps"])
            elif t == "flatten": x = torch.flatten(x, 1)[:, :, None, None]
            elif t == "globalavgpool": x = F.adaptive_avg_pool2d(x, 1)
            elif t == "globalmaxpool": x = F.adaptive_max_pool2d(x, 1)
            elif t == "dense":
                n = x.shape[1] * x.shape[2] * x.shape[3]
                w = torch.randn(L["units"], n, generator=g) * (1 / math.sqrt(n))
                b = torch.randn(L["units"], generator=g) * 0.1
                weights[f"{key}.weight"], weights[f"{key}.bias"] = w, b
                x = F.linear(torch.flatten(x, 1), w, b)[:, :, None, None]
            elif t == "add":
                x = srcs[0]
                for y in srcs[1:]:
                    if y.shape != x.shape:  # PyTorch would broadcast some of these; the format does not
                        return outs, f"add of {tuple(x.shape)} and {tuple(y.shape)}"
                    x = x + y
            elif t == "concat": x = torch.cat(srcs, dim=1)
            elif t in V2B_TYPES: x = forward_v2b(L, x, srcs if "inputs" in L else [x], named, weights, key, g)
            else:
                raise ValueError(t)
        except (RuntimeError, ValueError) as e:
            return outs, str(e).splitlines()[0]
        rounding = file_rounding
        outs.append(x)
        if "name" in L:
            named[L["name"]] = x
    return outs, None


# ---------------------------------------------------------------- blocks (format v2)
# Random block structures (nested, repeated, with two inputs) written with `blocks:`, and the same network
# expanded here, independently of the checker, by the spec's naming rules: a use N's layers are N.<inner>,
# with `repeat` copy i's are N.<i>.<inner>, an unnamed inner layer is numbered by its index in the block.
# PyTorch runs the expanded list; its weights are keyed by the full names.

def random_blocks(rng):
    unit = [{"name": "conv1", "type": "conv", "filters": "$f", "kernel": "$k", "padding": "$p", "bias": False},
            {"name": "bn1", "type": "batchnorm", "eps": 1e-3}, {"type": "relu"}]
    if rng.random() < 0.6:
        unit += [{"name": "proj", "type": "conv", "inputs": "input", "filters": "$f", "kernel": 1, "padding": 0},
                 {"name": "sum", "type": "add", "inputs": ["2", "proj"]}]
    join = rng.choice(["add", "concat"])
    defs = {
        "unit": {"params": {"f": None, "k": 3, "p": 1}, "layers": unit},
        "pair": {"inputs": ["x", "skip"], "params": {"f": None},
                 "layers": [{"name": "a", "type": "conv", "inputs": "x", "filters": "$f", "kernel": 1, "padding": 0},
                            {"name": "b", "type": "conv", "inputs": "skip", "filters": "$f", "kernel": 1, "padding": 0, "bias": False},
                            {"name": "join", "type": join, "inputs": ["a", "b"]}]},
        "stage": {"params": {"f": None}, "output": "units",
                  "layers": [{"name": "down", "type": "conv", "filters": "$f", "kernel": 3, "stride": 2, "padding": 1},
                             {"name": "units", "type": "unit", "f": "$f", "repeat": rng.randint(1, 3)},
                             {"type": "relu"}]},
    }
    layers = [{"name": "stem", "type": "conv", "filters": rng.randint(2, 4), "kernel": 3, "padding": 1}]
    names = ["stem"]
    for u in range(rng.randint(1, 4)):
        kind = rng.choice(["unit", "unit", "pair", "stage", "flat"])
        name = f"s{u}"
        f = rng.randint(2, 5)
        if kind == "unit":
            use = {"name": name, "type": "unit", "f": f}
            if rng.random() < 0.7:
                use["repeat"] = rng.randint(1, 3)
                if rng.random() < 0.3:
                    use["first"] = rng.randint(1, 2)
            if rng.random() < 0.3:
                use["k"], use["p"] = 1, 0
        elif kind == "pair":
            use = {"name": name, "type": "pair", "f": f, "inputs": [names[-1], rng.choice(names)]}
            if rng.random() < 0.3:
                use["repeat"] = 2
        elif kind == "stage":
            use = {"name": name, "type": "stage", "f": f}
        else:
            use = {"name": name, "type": "conv", "filters": f, "kernel": 1, "padding": 0, "inputs": rng.choice(names)}
        layers.append(use)
        names.append(name)
    layers.append({"type": "relu"})
    return defs, layers


def expand_blocks(defs, layers):
    """The flat network: every layer named by its full name, with explicit inputs (full names)."""
    flat, alias = [], {}

    def resolve(n):
        return alias.get(n, n)

    def use(d, L, uid, ins, env):
        first, rep = L.get("first", 0), L.get("repeat")
        out = None
        for c in range(rep if rep is not None else 1):
            cname = f"{uid}.{first + c}" if rep is not None else uid
            out = copy(d, cname, ins, env)
            alias[cname] = out
            ins = [cname] + ins[1:]
        alias[uid] = out
        return out

    def sub(v, env):
        return env[v[1:]] if isinstance(v, str) and v.startswith("$") else v

    def copy(d, prefix, ins, env):
        block_inputs = d.get("inputs", ["input"])
        local = {}
        before = ins[0]
        for j, L in enumerate(d["layers"]):
            lname = L.get("name", str(j))
            full = f"{prefix}.{lname}"
            def ren(n):
                if n in block_inputs:
                    return resolve(ins[block_inputs.index(n)])
                return resolve(f"{prefix}.{n}")
            if L["type"] in defs:
                inner = defs[L["type"]]
                ienv = dict((k, v) for k, v in inner["params"].items() if v is not None)
                ienv.update({k: sub(v, env) for k, v in L.items() if k in inner["params"]})
                uins = [ren(n) for n in ([L["inputs"]] if isinstance(L.get("inputs"), str) else L["inputs"])] if "inputs" in L else [before]
                out = use(inner, L, full, uins, ienv)
            else:
                M = {k: sub(v, env) for k, v in L.items() if k != "inputs"}
                M["name"] = full
                M["inputs"] = [ren(n) for n in ([L["inputs"]] if isinstance(L["inputs"], str) else L["inputs"])] if "inputs" in L else [resolve(before)]
                flat.append(M)
                out = full
            local[lname] = out
            before = out
        return local[d["output"]] if "output" in d else before

    before = "input"
    for i, L in enumerate(layers):
        uid = L.get("name", str(i))
        if L["type"] in defs:
            d = defs[L["type"]]
            env = dict((k, v) for k, v in d["params"].items() if v is not None)
            env.update({k: v for k, v in L.items() if k in d["params"]})
            ins = [resolve(n) for n in L["inputs"]] if "inputs" in L else [before]
            before = use(d, L, uid, ins, env)
        else:
            M = dict(L)
            M["name"] = uid
            M["inputs"] = [resolve(n) for n in ([L["inputs"]] if isinstance(L["inputs"], str) else L["inputs"])] if "inputs" in L else [resolve(before)]
            flat.append(M)
            before = uid
    for M in flat:
        M["inputs"] = [resolve(n) for n in M["inputs"]]
    return flat


def run_block_cases(n, seed):
    """Block cases: the checker's expanded layers (full names, shapes) and the runner's output vs PyTorch."""
    rng = random.Random(seed * 7919 + 1)
    passed = failed = 0
    for case in range(n):
        defs, layers = random_blocks(rng)
        flat = expand_blocks(defs, layers)
        inp = {"width": rng.choice([8, 9, 12]), "height": rng.choice([8, 10]), "depth": rng.choice([1, 3])}
        x0 = torch.rand(1, inp["depth"], inp["height"], inp["width"], generator=torch.Generator().manual_seed(10_000 + case))
        pixels = (x0 * 255).round().clamp(0, 255).to(torch.uint8)
        x = pixels.to(torch.float32) / 255.0
        weights = {}
        with torch.no_grad():
            outs, refused = forward(inp, "floor", [dict(M, inputs=list(M["inputs"])) for M in flat], x, weights)
        base = os.path.join(WORK, f"blocks{case}")
        model = {"name": f"random blocks {case}", "input": inp, "rounding": "floor", "weights": f"blocks{case}.safetensors",
                 "blocks": defs, "layers": layers}
        model_file = base + (".cnn.json" if case % 2 == 0 else ".cnn.yaml")
        with open(model_file, "w") as f:
            json.dump(model, f, indent=1)
        write_safetensors(base + ".safetensors", weights)
        write_png(base + ".png", pixels[0].permute(1, 2, 0).reshape(-1).tolist(), inp["width"], inp["height"], inp["depth"])
        code, out, err = cnnshape("check", "--json", model_file)
        problems = []
        try:
            got = json.loads(out)[0]
        except Exception:
            got = None
            problems.append(f"check did not give JSON (exit {code}): {err.strip()[:300]}")
        if got is not None:
            errors = [d["message"] for d in got["diagnostics"] if d["severity"] == "error"]
            if refused and not errors:
                problems.append(f"PyTorch refuses layer {len(outs)} ({refused}) but the checker has no error")
            if not refused and errors:
                problems.append(f"the checker has errors PyTorch does not: {errors[:3]}")
            names = [l["name"] for l in got["layers"]]
            if names != [M["name"] for M in flat]:
                problems.append(f"names {names} != expected {[M['name'] for M in flat]}")
            for i, y in enumerate(outs):
                want = {"width": y.shape[3], "height": y.shape[2], "depth": y.shape[1]}
                if i < len(got["layers"]) and got["layers"][i]["output"] != want:
                    problems.append(f"layer {flat[i]['name']}: PyTorch {want}, checker {got['layers'][i]['output']}")
            if not refused and not problems:
                code, out, err = cnnshape("run", "--json", model_file, base + ".png")
                try:
                    values = torch.tensor(json.loads(out)["outputs"][0]["output"], dtype=torch.float32)
                    want = outs[-1].flatten()
                    scale = max(1.0, float(want.abs().max()))
                    diff = float((values - want).abs().max()) / scale if values.shape == want.shape else float("inf")
                    if diff > 1e-4:
                        problems.append(f"run output differs from PyTorch by {diff:.2e} (relative)")
                except Exception as e:
                    problems.append(f"run failed (exit {code}): {(err or str(e)).strip()[:300]}")
        if problems:
            failed += 1
            print(f"blocks case {case} ({model_file}): " + "; ".join(problems))
        else:
            passed += 1
    return passed, failed


def cnnshape(*args):
    r = subprocess.run(["node", CLI, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def exact_whole(n, k, s, p, d):
    return (n + 2 * p - d * (k - 1) - 1) % s == 0


def main():
    print(f"pytorch: {N} random networks, seed {SEED} (rerun: compare.py {CLI} {WORK} {N} {SEED})")
    rng = random.Random(SEED)
    passed = failed = 0
    for case in range(N):
        inp, rounding, layers = random_network(rng)
        x0 = torch.rand(1, inp["depth"], inp["height"], inp["width"], generator=torch.Generator().manual_seed(case))
        pixels = (x0 * 255).round().clamp(0, 255).to(torch.uint8)
        x = pixels.to(torch.float32) / 255.0  # the runner's default preprocess
        weights = {}
        with torch.no_grad():
            outs, refused = forward(inp, rounding, layers, x, weights)
        base = os.path.join(WORK, f"case{case}")
        model = {"name": f"random case {case}", "input": inp, "rounding": rounding, "layers": layers, "weights": f"case{case}.safetensors"}
        # JSON is YAML 1.2 too: every other case goes through the YAML reader.
        model_file = base + (".cnn.json" if case % 2 == 0 else ".cnn.yaml")
        with open(model_file, "w") as f:
            json.dump(model, f, indent=1)
        write_safetensors(base + ".safetensors", weights)
        hwc = pixels[0].permute(1, 2, 0).reshape(-1).tolist()
        write_png(base + ".png", hwc, inp["width"], inp["height"], inp["depth"])

        code, out, err = cnnshape("check", "--json", model_file)
        try:
            got = json.loads(out)[0]
        except Exception:
            print(f"case {case}: check did not give JSON (exit {code}): {err.strip()[:300]}")
            failed += 1
            continue
        errors = [d for d in got["diagnostics"] if d["severity"] == "error"]
        problems = []
        if refused:
            if not errors:
                problems.append(f"PyTorch refuses layer {len(outs)} ({refused}) but the checker has no error")
        for i, y in enumerate(outs):
            want = {"width": y.shape[3], "height": y.shape[2], "depth": y.shape[1]}
            have = got["layers"][i]["output"]
            if have != want:
                problems.append(f"layer {i} {layers[i]['type']}: PyTorch {want}, checker {have}")
        if rounding == "strict" and not refused and not errors:
            pass  # whole everywhere: nothing more to check
        if not refused and not problems and not errors:
            code, out, err = cnnshape("run", "--json", model_file, base + ".png")
            try:
                run = json.loads(out)
                values = torch.tensor(run["outputs"][0]["output"], dtype=torch.float32)
                want = outs[-1].flatten()
                scale = max(1.0, float(want.abs().max()))
                diff = float((values - want).abs().max()) / scale if values.shape == want.shape else float("inf")
                if diff > 1e-4:
                    problems.append(f"run output differs from PyTorch by {diff:.2e} (relative); shapes {tuple(values.shape)} vs {tuple(want.shape)}")
                ran = [l["output"] for l in run["layers"]]
                for i, y in enumerate(outs):
                    w = {"width": y.shape[3], "height": y.shape[2], "depth": y.shape[1]}
                    if ran[i] != w:
                        problems.append(f"layer {i} ran as {ran[i]}, PyTorch {w}")
            except Exception as e:
                problems.append(f"run failed (exit {code}): {(err or str(e)).strip()[:300]}")
        if problems:
            failed += 1
            print(f"case {case} ({model_file}): " + "; ".join(problems))
        else:
            passed += 1
    bp, bf = run_block_cases(N, SEED)
    passed, failed = passed + bp, failed + bf
    print(f"pytorch: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
