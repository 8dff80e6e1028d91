#!/usr/bin/env python3
"""Checks `cnnshape export --pytorch` against the runner, in Debian's PyTorch.

For every sample model and for the random networks of compare.py (same seed, same weights): export the
model as Python, then
  - `python3 -m py_compile` and a style check (lines of at most 100 characters, no tabs or trailing
    spaces, no unused imports, found with `ast`; pyflakes too where it is installed);
  - import the file, build the network class, `load_state_dict(strict=True)` with random weights
    (for the random networks: the very tensors compare.py gives the runner), whose keys and shapes
    must also be exactly what `cnnshape run` reads without a warning;
  - run it on an image (after the file's own `transform`) and compare with `cnnshape run --json` on
    the same image and weights: within 1e-4 relative to the output's scale. For the random networks
    the output must also match compare.py's own PyTorch forward pass.
A model with errors must be refused (exit 1, nothing written).
Prints one line per failure and "pytorch export: N passed, N failed"; exit 1 on any failure.
Usage: export_check.py CNNSHAPE_JS WORKDIR [N] [SEED]
"""
import ast, glob, importlib.util, json, os, py_compile, random, struct, subprocess, sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402  (reads CNNSHAPE_JS and WORKDIR from argv, as this script does)

ROOT = os.path.dirname(os.path.dirname(HERE))
CLI, WORK = compare.CLI, os.path.join(compare.WORK, "export")
N, SEED = compare.N, compare.SEED
os.makedirs(WORK, exist_ok=True)
torch.set_num_threads(1)


def cnnshape(*args):
    r = subprocess.run(["node", CLI, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        raw = bytearray(data[8 + n + a:8 + n + b])
        t = torch.frombuffer(raw, dtype=torch.float32) if raw else torch.zeros(0)
        out[k] = t.reshape(v["shape"]).clone()
    return out


def style_problems(path):
    """Line length, whitespace, unused imports (ast), and pyflakes where Debian has it."""
    problems = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for n, line in enumerate(text.split("\n"), 1):
        if len(line) > 100:
            problems.append(f"line {n} has {len(line)} characters")
        if line != line.rstrip() or "\t" in line:
            problems.append(f"line {n} has a tab or trailing space")
    tree = ast.parse(text)
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                imported[(a.asname or a.name).split(".")[0]] = node.lineno
        elif isinstance(node, ast.ImportFrom):
            for a in node.names:
                imported[a.asname or a.name] = node.lineno
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for name, line in imported.items():
        if name not in used:
            problems.append(f"line {line}: '{name}' is imported but not used")
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(m.split(".")[0] != "torch" for m in mods):
                problems.append(f"line {node.lineno}: imports something besides torch")
    flakes = subprocess.run([sys.executable, "-m", "pyflakes", path], capture_output=True, text=True)
    if "No module named pyflakes" not in flakes.stderr and flakes.returncode != 0:
        problems.append("pyflakes: " + flakes.stdout.strip()[:300])
    return problems


def load_network(path, tag):
    spec = importlib.util.spec_from_file_location(f"exported_{tag}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    classes = [n for n in ast.parse(open(path, encoding="utf-8").read()).body if isinstance(n, ast.ClassDef)]
    net = getattr(mod, classes[-1].name)()  # the network is the file's last class
    return mod, net.eval()


def random_weights(net, seed, keep=()):
    g = torch.Generator().manual_seed(seed)
    out = {}
    for k, v in net.state_dict().items():
        if k in keep:
            continue
        t = torch.randn(v.shape, generator=g) * 0.3
        if k.endswith("running_var"):
            t = t.abs() + 0.5
        out[k] = t
    return out


def check_one(tag, model_file, weights_file, png, image_u8, want=None, make_weights=None):
    """Exports, checks the file, loads the weights, compares with the runner. Returns problems."""
    py = os.path.join(WORK, f"{tag}.py")
    if os.path.exists(py):
        os.remove(py)
    code, out, err = cnnshape("export", model_file, "--pytorch", py)
    if code != 0:
        return [f"export failed (exit {code}): {err.strip()[:400]}"]
    try:
        py_compile.compile(py, doraise=True)
    except py_compile.PyCompileError as e:
        return [f"py_compile: {e.msg[:300]}"]
    problems = style_problems(py)
    try:
        mod, net = load_network(py, tag)
    except Exception as e:
        return problems + [f"the exported module does not build: {type(e).__name__}: {str(e)[:300]}"]
    inline = set(getattr(mod, "INLINE_PARAMETERS", {}))
    if make_weights:
        compare.write_safetensors(weights_file, random_weights(net, 99, keep=inline))
    tensors = read_safetensors(weights_file)
    state = dict(net.state_dict())
    for k in inline:
        tensors[k] = state[k]
    try:
        net.load_state_dict(tensors, strict=True)
    except Exception as e:
        return problems + [f"load_state_dict(strict=True): {str(e)[:400]}"]
    shapes = {k: tuple(v.shape) for k, v in net.state_dict().items()}
    if shapes != {k: tuple(v.shape) for k, v in tensors.items()}:
        problems.append("state_dict keys or shapes differ from the weights file's")
    if png is None:
        return problems
    code, out, err = cnnshape("run", "--json", model_file, png, "--weights", weights_file)
    try:
        run = json.loads(out)
    except Exception:
        return problems + [f"run failed (exit {code}): {err.strip()[:300]}"]
    warnings = [w for w in run.get("warnings", []) if "inline" not in w]
    if warnings:
        problems.append(f"the runner warns about the exported keys: {warnings[:2]}")
    with torch.no_grad():
        y = net(mod.transform(image_u8)[None]).flatten()
    got = torch.tensor(run["outputs"][0]["output"], dtype=torch.float32)
    for label, ref in [("cnnshape run", got)] + ([("compare.py's PyTorch", want.flatten())] if want is not None else []):
        if ref.shape != y.shape:
            problems.append(f"output has {tuple(y.shape)} values, {label} {tuple(ref.shape)}")
            continue
        scale = max(1.0, float(ref.abs().max()))
        diff = float((y - ref).abs().max()) / scale
        if diff > 1e-4:
            problems.append(f"output differs from {label} by {diff:.2e} (relative)")
    return problems


def image_for(model_file, tag):
    """A random image at the model's input size, or None where the depth is not 1 or 3."""
    code, out, _ = cnnshape("check", "--json", model_file)
    got = json.loads(out)[0]
    errors = [d for d in got["diagnostics"] if d["severity"] == "error"]
    if errors or not got["layers"]:
        return None, None, bool(errors)
    inp = got["layers"][0]["input"]
    w, h, d = inp["width"], inp["height"], inp["depth"]
    if d not in (1, 3):
        return None, None, False
    pixels = (torch.rand(1, d, h, w, generator=torch.Generator().manual_seed(5)) * 255).round().to(torch.uint8)
    png = os.path.join(WORK, f"{tag}.png")
    compare.write_png(png, pixels[0].permute(1, 2, 0).reshape(-1).tolist(), w, h, d)
    return png, pixels[0], False


def sample_files():
    pats = ["samples/*.cnn.*", "samples/*/*.cnn.*", "samples/v2/*/*.cnn.*"]
    files = sorted({f for p in pats for f in glob.glob(os.path.join(ROOT, p))})
    return [f for f in files if "/broken/" not in f]


def main():
    passed = failed = 0
    counts = {}

    def report(name, problems, kind="compared"):
        nonlocal passed, failed
        counts[kind] = counts.get(kind, 0) + (0 if problems else 1)
        if os.environ.get("EXPORT_CHECK_VERBOSE"):
            print(f"{name}: {kind}, {len(problems)} problems", flush=True)
        if problems:
            failed += 1
            print(f"{name}: " + "; ".join(problems))
        else:
            passed += 1

    for i, f in enumerate(sample_files()):
        tag = f"sample{i}"
        png, img, has_errors = image_for(f, tag)
        rel = os.path.relpath(f, ROOT)
        if has_errors:
            code, _, err = cnnshape("export", f, "--pytorch", os.path.join(WORK, f"{tag}.py"))
            report(rel, [] if code == 1 and "not exported" in err else [f"a model with errors was exported (exit {code})"], "refused")
            continue
        report(rel, check_one(tag, f, os.path.join(WORK, f"{tag}.safetensors"), png, img, make_weights=True),
               "compared" if png else "loaded (no image input)")

    rng = random.Random(SEED)
    for case in range(N):
        inp, rounding, layers = compare.random_network(rng)
        x0 = torch.rand(1, inp["depth"], inp["height"], inp["width"], generator=torch.Generator().manual_seed(case))
        pixels = (x0 * 255).round().clamp(0, 255).to(torch.uint8)
        weights = {}
        with torch.no_grad():
            outs, refused = compare.forward(inp, rounding, layers, pixels.to(torch.float32) / 255.0, weights)
        base = os.path.join(WORK, f"case{case}")
        model = {"name": f"random case {case}", "input": inp, "rounding": rounding, "layers": layers}
        model_file = base + ".cnn.json"
        with open(model_file, "w") as fh:
            json.dump(model, fh, indent=1)
        compare.write_safetensors(base + ".safetensors", weights)
        compare.write_png(base + ".png", pixels[0].permute(1, 2, 0).reshape(-1).tolist(), inp["width"], inp["height"], inp["depth"])
        code, out, _ = cnnshape("check", "--json", model_file)
        errors = [d for d in json.loads(out)[0]["diagnostics"] if d["severity"] == "error"]
        if refused or errors:
            code, _, err = cnnshape("export", model_file, "--pytorch", base + ".py")
            ok = (code == 1 and not os.path.exists(base + ".py")) if errors else False
            report(f"case {case}", [] if ok else [f"export of a refused network: exit {code}, checker errors {len(errors)}"],
                   "random refused")
            continue
        report(f"case {case} ({model_file})", check_one(f"case{case}", model_file, base + ".safetensors", base + ".png", pixels[0], want=outs[-1]),
               "random compared")
    print("pytorch export: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"pytorch export: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
