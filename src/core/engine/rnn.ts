// The Elman cell: h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), forward and backward.

import type { Cell, StepValues } from './cell';
import { gateBackward, gateForward, gateParams, inputProjections } from './gate';
import { stepsAsBlock, VectorArena } from './linalg';
import type { Model } from '../format/worksheet';

export function createRnnCell(model: Model): Cell {
  const p = gateParams(model.weights, model.biases, 'ih', 'hh', model.activation);
  return {
    // h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
    forward(xs, h0, _c0, keep) {
      const wxs = inputProjections(p.Wi, stepsAsBlock(xs, p.Wi.cols), xs.length);
      const arena = new VectorArena();
      const steps: StepValues[] = [];
      let hPrev = h0;
      xs.forEach((x, k) => {
        const block = gateForward(p, wxs[k]!, hPrev, keep, arena);
        steps.push({ x, hPrev, cPrev: null, gates: { h: block }, lstm: null, gru: null, h: block.out, c: null });
        hPrev = block.out;
      });
      return steps;
    },
    backward(s, dh, _dcCarry, keep, arena) {
      const dhPrev = arena.take(dh.length);
      const dPre = gateBackward(p, s.gates.h!, dh, dhPrev, keep, arena);
      return { grads: { dh, dc: null, dGate: {}, dPre: { h: dPre } }, dhPrev, dcCarryPrev: null };
    },
  };
}
