#!/usr/bin/env python3
"""Writes the model files that lstmviz's tests read, in every format a student's model comes in,
and the float64 references their traces must reproduce. Run once; the tests need no Python.

    pip install torch safetensors keras h5py
    python3 Tests/Fixtures/models/make_models.py

Every model takes 3 inputs a step and runs the `sequences.json` beside this file. References are
computed with torch in float64 from the weights exactly as stored (float32 and float16 weights
widened exactly), in the shape of `lstmviz trace --format json` (with `output`, the head's y,
where the file has a head).
"""

import io
import json
import os
import pickle
import zipfile
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np
import torch
from safetensors.torch import save_file

HERE = Path(__file__).resolve().parent
INPUT, HIDDEN = 3, 4
GATES = ["input", "forget", "candidate", "output"]  # PyTorch's block order: i, f, g, o


class Stack(torch.nn.Module):
    """What a student trains: a two-layer LSTM and a linear head on its last STM."""

    def __init__(self, layers=2):
        super().__init__()
        self.lstm = torch.nn.LSTM(INPUT, HIDDEN, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(HIDDEN, 1)


def sequences():
    generator = np.random.default_rng(20261201)
    return [
        {"name": "ramp", "values": [[0.1 * t, -0.05 * t, 0.5] for t in range(1, 9)]},
        {"name": "noise", "values": generator.uniform(-1, 1, size=(11, INPUT)).round(4).tolist()},
    ]


def as_float64(state):
    return {k: v.detach().to(torch.float64) for k, v in state.items()}


def step_trace(w_ih, w_hh, b, x, h, c, t):
    gates = w_ih @ x + w_hh @ h + b
    n = h.shape[0]
    i, f, g, o = (gates[k * n:(k + 1) * n] for k in range(4))
    values = {"input": torch.sigmoid(i), "forget": torch.sigmoid(f),
              "candidate": torch.tanh(g), "output": torch.sigmoid(o)}
    xs = {"input": i, "forget": f, "candidate": g, "output": o}
    remembered = values["forget"] * c
    added = values["input"] * values["candidate"]
    c_new = remembered + added
    potential = torch.tanh(c_new)
    h_new = values["output"] * potential
    step = {
        "t": t, "input": x.tolist(), "stmIn": h.tolist(), "ltmIn": c.tolist(),
        "gates": {name: {"x": xs[name].tolist(), "value": values[name].tolist()}
                  for name in ["forget", "input", "candidate", "output"]},
        "ltmRemembered": remembered.tolist(), "ltmAdded": added.tolist(), "ltm": c_new.tolist(),
        "stmPotential": potential.tolist(), "stm": h_new.tolist(),
    }
    return step, h_new, c_new


def reference(state, prefix, layer, head, title, layers, check_module=None):
    """The trace of layer `layer` (its inputs the STM of the layer below), checked against torch."""
    state = as_float64(state)
    out = {"title": title, "inputSize": INPUT if layer == 0 else HIDDEN, "hiddenSize": HIDDEN,
           "layer": layer, "sequences": []}
    if head:
        out["head"] = head
    for sequence in sequences():
        inputs = torch.tensor(sequence["values"], dtype=torch.float64)
        for k in range(layer + 1):
            suffix = f"_l{k}" if layers else ""
            zero = torch.zeros(4 * HIDDEN, dtype=torch.float64)
            w_ih = state[f"{prefix}weight_ih{suffix}"]
            w_hh = state[f"{prefix}weight_hh{suffix}"]
            b = state.get(f"{prefix}bias_ih{suffix}", zero) + state.get(f"{prefix}bias_hh{suffix}", zero)
            h = torch.zeros(HIDDEN, dtype=torch.float64)
            c = torch.zeros(HIDDEN, dtype=torch.float64)
            steps, stms = [], []
            for t, x in enumerate(inputs, start=1):
                step, h, c = step_trace(w_ih, w_hh, b, x, h, c, t)
                steps.append(step)
                stms.append(h)
            inputs = torch.stack(stms)
        entry = {"name": sequence["name"], "prediction": h.tolist(), "steps": steps}
        if head:
            entry["output"] = (state[f"{head}.weight"] @ h + state[f"{head}.bias"]).tolist()
        out["sequences"].append(entry)
    if check_module is not None:
        module = check_module.to(torch.float64)
        for sequence, entry in zip(sequences(), out["sequences"]):
            x = torch.tensor([sequence["values"]], dtype=torch.float64)
            result = module(x)
            h_torch = result[1][0][layer, 0] if isinstance(result, tuple) else None
            if h_torch is not None:
                assert torch.allclose(h_torch, torch.tensor(entry["prediction"], dtype=torch.float64), atol=1e-12)
    return out


def write_json(name, value):
    (HERE / name).write_text(json.dumps(value, indent=1) + "\n")


def torch_save(state, name, **options):
    torch.save(state, HERE / name, **options)


def main():
    torch.manual_seed(20261201)
    write_json("sequences.json", {"sequences": sequences()})

    stack = Stack()
    stack32 = OrderedDict((k, v.detach().clone()) for k, v in stack.state_dict().items())
    stack64 = OrderedDict((k, v.to(torch.float64)) for k, v in stack32.items())
    save_file(stack32, HERE / "stack-head.f32.safetensors")
    save_file(stack64, HERE / "stack-head.f64.safetensors")
    save_file(OrderedDict((k, v.to(torch.float16)) for k, v in stack32.items()), HERE / "stack-head.f16.safetensors")
    save_file(OrderedDict((k, v.to(torch.bfloat16)) for k, v in stack32.items()), HERE / "stack-head.bf16.safetensors")
    torch_save(stack32, "stack-head.f32.pt")
    torch_save(stack64, "stack-head.f64.pt")
    torch_save({"epoch": 3, "global_step": 120, "state_dict": stack32}, "stack-head.ckpt")
    torch_save(stack32, "stack-head.legacy.pt", _use_new_zipfile_serialization=False)

    for layer in (0, 1):
        check = stack.lstm.to(torch.float64)
        write_json(f"stack-head.f32.layer{layer}.trace.json",
                   reference(stack32, "lstm.", layer, "fc", "stack-head", True, check))
        write_json(f"stack-head.f64.layer{layer}.trace.json",
                   reference(stack64, "lstm.", layer, "fc", "stack-head", True))
        for kind, dtype in (("f16", torch.float16), ("bf16", torch.bfloat16)):
            narrowed = OrderedDict((k, v.to(dtype)) for k, v in stack32.items())
            write_json(f"stack-head.{kind}.layer{layer}.trace.json",
                       reference(narrowed, "lstm.", layer, "fc", "stack-head", True))

    lstm = torch.nn.LSTM(INPUT, HIDDEN)
    lstm_state = OrderedDict((k, v.detach().clone()) for k, v in lstm.state_dict().items())
    torch_save(lstm_state, "lstm-only.pt")
    write_json("lstm-only.trace.json", reference(lstm_state, "", 0, None, "lstm-only", True))

    cell = torch.nn.LSTMCell(INPUT, HIDDEN)
    cell_state = OrderedDict((k, v.detach().clone()) for k, v in cell.state_dict().items())
    torch_save(cell_state, "lstmcell.pt")
    save_file(cell_state, HERE / "lstmcell.safetensors")
    write_json("lstmcell.trace.json", reference(cell_state, "", 0, None, "lstmcell", False))

    two = {"encoder.weight_ih_l0": lstm_state["weight_ih_l0"], "encoder.weight_hh_l0": lstm_state["weight_hh_l0"],
           "decoder.weight_ih_l0": lstm_state["weight_ih_l0"] * 0.5, "decoder.weight_hh_l0": lstm_state["weight_hh_l0"].clone()}
    save_file(two, HERE / "two-lstms.safetensors")

    write_evil_files(stack32)
    write_npz(stack32)
    write_keras()


class System:
    """Pickles as a call of os.system: what a hostile model file asks for."""

    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


def write_evil_files(state):
    """A torch.save zip and a plain pickle whose unpickling would create a file."""
    marker = "/tmp/lstmviz-pwned"
    payload = pickle.dumps({"weight_ih_l0": System(f"touch {marker}")}, protocol=2)
    buffer = io.BytesIO()
    torch.save(state, buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(HERE / "evil.pt", "w", zipfile.ZIP_STORED) as evil:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("/data.pkl"):
                data = payload
            evil.writestr(info, data)
    (HERE / "evil-plain.pt").write_bytes(payload)


def write_npz(state):
    """An .npz (a zip of .npy arrays): not a model file lstmviz reads, refused by name."""
    np.savez(HERE / "arrays.npz", **{k.replace(".", "_"): v.numpy() for k, v in sorted(state.items())[:2]})


def write_keras():
    try:
        import keras
    except ImportError:
        print("keras is not installed: the Keras fixtures were not written")
        return
    keras.utils.set_random_seed(20261201)
    model = keras.Sequential([keras.Input((None, INPUT)), keras.layers.LSTM(HIDDEN, name="lstm"),
                              keras.layers.Dense(1, name="fc")])
    model.save_weights(HERE / "keras-lstm.weights.h5")
    model.save(HERE / "keras-lstm.keras")
    kernel, recurrent, bias = (np.asarray(w, dtype=np.float64) for w in model.get_layer("lstm").get_weights())
    dense_w, dense_b = (np.asarray(w, dtype=np.float64) for w in model.get_layer("fc").get_weights())
    # Keras: kernel m×4n, recurrent n×4n, bias 4n, gates i, f, c, o: PyTorch's layout transposed.
    state = {"weight_ih": torch.tensor(kernel.T), "weight_hh": torch.tensor(recurrent.T),
             "bias_ih": torch.tensor(bias), "fc.weight": torch.tensor(dense_w.T), "fc.bias": torch.tensor(dense_b)}
    trace = reference(state, "", 0, "fc", "keras-lstm", False)
    for sequence, entry in zip(sequences(), trace["sequences"]):
        y = model(np.asarray([sequence["values"]], dtype=np.float32))
        assert np.allclose(np.asarray(y.detach().cpu() if hasattr(y, "detach") else y)[0], entry["output"], atol=1e-4)
    write_json("keras-lstm.trace.json", trace)


if __name__ == "__main__":
    main()
