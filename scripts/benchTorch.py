"""PyTorch's time for what scripts/benchEngine.ts measures, to set the engine's figures beside.

Run by `npm run bench -- --torch` with /usr/bin/python3 (where Debian's python3-torch is), as a
process that stays up and answers requests (see main), so that the caller can alternate its own
runs with torch's and both see the same load on a shared machine.
A worksheet is one that scripts/benchUtil.ts `largeWorksheet` wrote: its weights are loaded into
nn.LSTM / nn.GRU / nn.RNN (float64, one thread) and a bias-free Linear H -> O (W_hy), and what is
timed is forward + sum over t of sum((y_t - target_t)^2) + backward (h0 and c0 included). The
loss comes back too, so the caller can check both computed the same thing.
"""

import json
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

# the worksheet's names of each cell's weights, in the order PyTorch stacks them
GATES = {"lstm": ["i", "f", "g", "o"], "gru": ["r", "z", "n"], "rnn": [None]}


def gate_names(side, cell):
    """The names (after W_ / b_) that PyTorch stacks into weight_ih_l0 (side "i") or weight_hh_l0 ("h")."""
    return ["ih" if side == "i" else "hh"] if cell == "rnn" else [side + q for q in GATES[cell]]


def build(sheet):
    cell = sheet["cell"]
    p = sheet["params"]
    T, I = len(sheet["inputs"]), len(sheet["inputs"][0])
    H = len(p["b_ih" if cell == "rnn" else "b_i" + GATES[cell][0]])
    module = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[cell](I, H)
    with torch.no_grad():
        for side, suffix in (("i", "ih"), ("h", "hh")):
            names = gate_names(side, cell)
            getattr(module, f"weight_{suffix}_l0").copy_(torch.cat([torch.tensor(p[f"W_{n}"]) for n in names]))
            getattr(module, f"bias_{suffix}_l0").copy_(torch.cat([torch.tensor(p[f"b_{n}"]) for n in names]))
    W_hy = sheet["readout"]["W_hy"]
    readout = torch.nn.Linear(H, len(W_hy), bias=False)
    with torch.no_grad():
        readout.weight.copy_(torch.tensor(W_hy))
    xs = torch.tensor(sheet["inputs"]).reshape(T, 1, I)
    targets = torch.tensor(sheet["targets"]).reshape(T, 1, -1)
    h0 = torch.zeros(1, 1, H, requires_grad=True)
    state = (h0, torch.zeros(1, 1, H, requires_grad=True)) if cell == "lstm" else h0
    return module, readout, xs, targets, state


def run(module, readout, xs, targets, state):
    module.zero_grad(set_to_none=True)
    readout.zero_grad(set_to_none=True)
    hs, _ = module(xs, state)
    loss = ((readout(hs) - targets) ** 2).sum()
    loss.backward()
    return loss


def main():
    """One request a line on stdin, one JSON answer a line on stdout:
    "load PATH" builds the worksheet's model and warms it up; "run N" times N runs of it."""
    model = None
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "load":
            with open(arg) as f:
                model = build(json.load(f))
            for _ in range(3):
                run(*model)  # warm up: the first calls allocate and pick kernels
            answer = {"ok": True}
        elif command == "run":
            times = []
            for _ in range(int(arg)):
                t0 = time.perf_counter()
                loss = run(*model)
                times.append((time.perf_counter() - t0) * 1000)
            answer = {"ms": times, "loss": loss.item()}
        else:
            answer = {"error": f"unknown request {line!r}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
