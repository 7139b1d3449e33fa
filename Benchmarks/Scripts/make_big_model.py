#!/usr/bin/env python3
"""Writes the large model of the load benchmark: a 2-layer nn.LSTM(1024, 1024) in float32
(about 67 MB), as safetensors and as torch.save, and a sequences file of 4 steps of 1024 inputs.

Usage: make_big_model.py FOLDER   (needs torch and safetensors; nothing here is committed)
"""

import json
import sys
from pathlib import Path

import torch
from safetensors.torch import save_file


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: make_big_model.py FOLDER")
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(20261201)
    lstm = torch.nn.LSTM(1024, 1024, num_layers=2)
    state = {k: v.detach().contiguous() for k, v in lstm.state_dict().items()}
    save_file(state, folder / "big.safetensors")
    torch.save(state, folder / "big.pt")
    generator = torch.Generator().manual_seed(1)
    values = (torch.rand(4, 1024, generator=generator, dtype=torch.float64) * 2 - 1).tolist()
    (folder / "big.sequences.json").write_text(
        json.dumps({"sequences": [{"name": "random", "values": values}]}))


if __name__ == "__main__":
    main()
