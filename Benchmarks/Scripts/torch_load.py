#!/usr/bin/env python3
"""Loads a model file the way a student would, for comparison with lstmviz's load:
torch.load(weights_only=True) for .pt, safetensors.torch.load_file for .safetensors.

Usage: torch_load.py FILE
"""

import sys

import torch
from safetensors.torch import load_file

path = sys.argv[1]
state = load_file(path) if path.endswith(".safetensors") else torch.load(path, weights_only=True)
print(sum(t.numel() for t in state.values()), file=sys.stderr)
