// The LSTM cell (PyTorch's equations, the slides' c̃ is g), forward and backward:
// i, f, o = σ(W_i· x + b_i· + W_h· h + b_h·); g = tanh(…); c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c').

import { tanh } from './activations';
import type { Cell, StepValues } from './cell';
import { gateBackward, gateForward, gateParams, inputProjections, type GateParams, type GateValues } from './gate';
import { stepsAsBlock, VectorArena, type Vector } from './linalg';
import { GATES, type LstmGate, type Model } from '../format/worksheet';

export function createLstmCell(model: Model): Cell {
  const params = {} as Record<LstmGate, GateParams>;
  for (const q of GATES.lstm)
    params[q] = gateParams(model.weights, model.biases, `i${q}`, `h${q}`, q === 'g' ? 'tanh' : 'sigmoid');
  return {
    forward(xs, h0, c0, keep) {
      const H = h0.length;
      const T = xs.length;
      const X = stepsAsBlock(xs, params.i.Wi.cols);
      const wxs = {} as Record<LstmGate, Vector[]>;
      for (const q of GATES.lstm) wxs[q] = inputProjections(params[q].Wi, X, T);
      const arena = new VectorArena();
      const steps: StepValues[] = [];
      let hPrev = h0;
      let cPrev = c0 as Vector;
      xs.forEach((x, t) => {
        const gates = {} as Record<LstmGate, GateValues>;
        for (const q of GATES.lstm) gates[q] = gateForward(params[q], wxs[q][t]!, hPrev, keep, arena);
        const { i, f, g, o } = gates;
        const fc = arena.take(H);
        const ig = arena.take(H);
        const c = arena.take(H);
        const tanhC = arena.take(H);
        const h = arena.take(H);
        for (let k = 0; k < H; k++) {
          // c_t = f ⊙ c_{t−1} + i ⊙ g: the products sit inside the sum and are not rounded
          fc[k] = (f.out[k] as number) * (cPrev[k] as number);
          ig[k] = (i.out[k] as number) * (g.out[k] as number);
          c[k] = keep((fc[k] as number) + (ig[k] as number));
          // h_t = o ⊙ tanh(c_t): tanh(c) sits inside the product and is not rounded
          tanhC[k] = tanh(c[k] as number);
          h[k] = keep((o.out[k] as number) * (tanhC[k] as number));
        }
        steps.push({ x, hPrev, cPrev, gates, lstm: { fc, ig, tanhC }, gru: null, h, c });
        hPrev = h;
        cPrev = c;
      });
      return steps;
    },
    backward(s, dh, dcCarry, keep, arena) {
      const H = dh.length;
      const { i, f, g, o } = s.gates as Record<LstmGate, GateValues>;
      const { tanhC } = s.lstm!;
      const cPrev = s.cPrev as Vector;
      const carry = dcCarry as Vector;
      const dGate = { i: arena.take(H), f: arena.take(H), g: arena.take(H), o: arena.take(H) };
      const dc = arena.take(H);
      const dcCarryPrev = arena.take(H);
      for (let k = 0; k < H; k++) {
        const th = tanhC[k] as number;
        // dL/do = dh ⊙ tanh(c); dL/dc = dh ⊙ o ⊙ (1 − tanh²c) + dL/dc_{t+1} ⊙ f_{t+1}
        dGate.o[k] = keep((dh[k] as number) * th);
        dc[k] = keep((dh[k] as number) * (o.out[k] as number) * (1 - th * th) + (carry[k] as number));
        // c = f ⊙ c_{t−1} + i ⊙ g
        dGate.i[k] = keep((dc[k] as number) * (g.out[k] as number));
        dGate.f[k] = keep((dc[k] as number) * (cPrev[k] as number));
        dGate.g[k] = keep((dc[k] as number) * (i.out[k] as number));
        dcCarryPrev[k] = (dc[k] as number) * (f.out[k] as number);
      }
      const dhPrev = arena.take(H);
      const dPre = {} as Record<LstmGate, Vector>;
      for (const q of GATES.lstm) dPre[q] = gateBackward(params[q], s.gates[q]!, dGate[q], dhPrev, keep, arena);
      return { grads: { dh, dc, dGate, dPre }, dhPrev, dcCarryPrev };
    },
  };
}
