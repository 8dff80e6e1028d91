#!/usr/bin/env bash
# Debian's PyTorch (python3-torch 1.13, python3-torchvision 0.14) for tests/pytorch/compare.py, which checks shapes and runner
# outputs against PyTorch itself. Idempotent; needs apt (root), as the editor test dependencies do.
set -euo pipefail
# torchvision (python3-torchvision 0.14) gives the v2 samples' reference models (tests/pytorch/).
if /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  echo "[pytorch] $( /usr/bin/python3 -c 'import torch, torchvision; print("torch", torch.__version__, "torchvision", torchvision.__version__)') already installed"
  exit 0
fi
echo "[pytorch] apt-get install python3-torch python3-torchvision (Debian)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-torch python3-torchvision python3-pil >/dev/null
/usr/bin/python3 -c 'import torch, torchvision; print("[pytorch] torch", torch.__version__, "torchvision", torchvision.__version__)'
