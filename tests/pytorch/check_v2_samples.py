#!/usr/bin/env python3
"""Checks the v2 samples against PyTorch without the checker (which reads them once v2 lands):
  1. tests/samples/expected/v2/*.json are what torchvision_reference.py writes now (no stale reference);
  2. samples/v2/flat/*.cnn.yaml are what flatten_sample.py writes now;
  3. every sample in samples/v2 and samples/v2/flat, read by v2_expand.py (an independent Python reading of
     blocks) and run in PyTorch, has every reference module's name, shape and parameters, and the total.
Prints one line per failure and "pytorch: N passed, N failed" (the line scripts/test-all.mjs counts).
"""
import glob, os, sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flatten_sample  # noqa: E402
import torchvision_reference  # noqa: E402
import v2_expand  # noqa: E402

ROOT = torchvision_reference.ROOT


def same_file(path, text):
    try:
        return open(path).read() == text
    except FileNotFoundError:
        return False


def main():
    torch.set_num_threads(1)
    passed, failed = 0, 0

    def report(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f'FAIL {what}')

    for stem in torchvision_reference.MODELS:
        path = torchvision_reference.path_of(stem)
        report(same_file(path, torchvision_reference.text_of(torchvision_reference.reference(stem))),
               f'{os.path.relpath(path, ROOT)} differs from PyTorch: run tests/pytorch/torchvision_reference.py')
    for key in flatten_sample.MODELS:
        path = flatten_sample.path_of(key)
        report(same_file(path, flatten_sample.text_of(key)),
               f'{os.path.relpath(path, ROOT)} differs from torchvision: run tests/pytorch/flatten_sample.py')
    for path in sorted(glob.glob(os.path.join(ROOT, 'samples', 'v2', '*.cnn.yaml')) + glob.glob(os.path.join(ROOT, 'samples', 'v2', 'flat', '*.cnn.yaml'))):
        try:
            ok = v2_expand.check(path)
        except Exception as e:  # a sample PyTorch cannot run (a shape that does not fit)
            print(f'{os.path.relpath(path, ROOT)}: {type(e).__name__}: {e}')
            ok = False
        report(ok, f'{os.path.relpath(path, ROOT)} does not give PyTorch\'s modules')
    print(f'pytorch: {passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
