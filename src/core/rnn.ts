// The Elman cell: h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), forward and backward.

import type { Cell, StepValues } from './cell';
import { gateBackward, gateForward, gradsOf, type GateParams } from './gate';
import type { Matrix, Vector } from './linalg';
import type { Model } from './worksheet';

export function createRnnCell(model: Model): Cell {
  const p: GateParams = {
    Wi: model.weights.get('W_ih') as Matrix,
    Wh: model.weights.get('W_hh') as Matrix,
    bi: model.biases.get('b_ih') as Vector,
    bh: model.biases.get('b_hh') as Vector,
    fn: model.activation,
  };
  return {
    // h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
    forward(x, hPrev, _cPrev, keep): StepValues {
      const block = gateForward(p, x, hPrev, keep);
      return { x, hPrev, cPrev: null, gates: { h: block }, lstm: null, gru: null, h: block.out, c: null };
    },
    backward(s, dh, _dcCarry, grads, keep) {
      const dhPrev = new Float64Array(dh.length);
      const dPre = gateBackward(p, s.gates.h!, s.x, s.hPrev, dh, gradsOf(grads, 'ih', 'hh'), dhPrev, keep);
      return { grads: { dh, dc: null, dGate: {}, dPre: { h: dPre }, dhn: null }, dhPrev, dcCarryPrev: null };
    },
  };
}
