#!/usr/bin/env bash
# Debian's PyTorch (python3-torch 1.13) for tests/pytorch/compare.py, which checks shapes and runner
# outputs against PyTorch itself. Idempotent; needs apt (root), as the editor test dependencies do.
set -euo pipefail
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "[pytorch] $( /usr/bin/python3 -c 'import torch; print("torch", torch.__version__)') already installed"
  exit 0
fi
echo "[pytorch] apt-get install python3-torch (Debian)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
/usr/bin/python3 -c 'import torch; print("[pytorch] torch", torch.__version__)'
