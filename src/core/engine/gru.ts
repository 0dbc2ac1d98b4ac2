// The GRU cell (PyTorch's equations), forward and backward:
// r, z = σ(W_i· x + b_i· + W_h· h + b_h·); n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)); h' = (1 − z) ⊙ n + z ⊙ h.

import { tanh } from './activations';
import type { Cell, StepValues } from './cell';
import { gateBackward, gateForward, gateParams, inputProjections, type GateValues } from './gate';
import { recurrentProducts, stepsAsBlock, VectorArena, type Matrix, type Vector } from './linalg';
import type { Model } from '../format/worksheet';

export function createGruCell(model: Model): Cell {
  const r = gateParams(model.weights, model.biases, 'ir', 'hr', 'sigmoid');
  const z = gateParams(model.weights, model.biases, 'iz', 'hz', 'sigmoid');
  const W_in = model.weights.get('W_in') as Matrix;
  const W_hn = recurrentProducts(model.weights.get('W_hn') as Matrix);
  const b_in = model.biases.get('b_in') as Vector;
  const b_hn = model.biases.get('b_hn') as Vector;
  return {
    forward(xs, h0, _c0, keep) {
      const H = h0.length;
      const T = xs.length;
      const X = stepsAsBlock(xs, W_in.cols);
      const [wxr, wxz, wxn] = [r.Wi, z.Wi, W_in].map((W) => inputProjections(W, X, T)) as [
        Vector[],
        Vector[],
        Vector[],
      ];
      const arena = new VectorArena();
      const steps: StepValues[] = [];
      let hPrev = h0;
      xs.forEach((x, t) => {
        const rg = gateForward(r, wxr[t]!, hPrev, keep, arena);
        const zg = gateForward(z, wxz[t]!, hPrev, keep, arena);
        const wx = wxn[t]!;
        const wh = W_hn.matVec(hPrev, arena.take(H));
        const hn = arena.take(H);
        const rhn = arena.take(H);
        const pre = arena.take(H);
        const n = arena.take(H);
        const zn = arena.take(H);
        const zh = arena.take(H);
        const h = arena.take(H);
        for (let k = 0; k < H; k++) {
          // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)); the inner W_hn h + b_hn is not rounded
          hn[k] = (wh[k] as number) + (b_hn[k] as number);
          rhn[k] = (rg.out[k] as number) * (hn[k] as number);
          pre[k] = keep((wx[k] as number) + (b_in[k] as number) + (rhn[k] as number));
          n[k] = keep(tanh(pre[k] as number));
          // h' = (1 − z) ⊙ n + z ⊙ h: the products sit inside the sum and are not rounded
          zn[k] = (1 - (zg.out[k] as number)) * (n[k] as number);
          zh[k] = (zg.out[k] as number) * (hPrev[k] as number);
          h[k] = keep((zn[k] as number) + (zh[k] as number));
        }
        const ng: GateValues = { wx, wh, pre, out: n };
        steps.push({
          x,
          hPrev,
          cPrev: null,
          gates: { r: rg, z: zg, n: ng },
          lstm: null,
          gru: { hn, rhn, zn, zh },
          h,
          c: null,
        });
        hPrev = h;
      });
      return steps;
    },
    backward(s, dh, _dcCarry, keep, arena) {
      const H = dh.length;
      const { r: rg, z: zg, n: ng } = s.gates as Record<'r' | 'z' | 'n', GateValues>;
      const { hn } = s.gru!;
      const dGate = { r: arena.take(H), z: arena.take(H), n: arena.take(H) };
      const dPreN = arena.take(H);
      const dhn = arena.take(H);
      const dhPrev = arena.take(H);
      for (let k = 0; k < H; k++) {
        const zk = zg.out[k] as number;
        const nk = ng.out[k] as number;
        // h' = (1 − z) ⊙ n + z ⊙ h
        dGate.n[k] = keep((dh[k] as number) * (1 - zk));
        dGate.z[k] = keep((dh[k] as number) * ((s.hPrev[k] as number) - nk));
        dhPrev[k] = (dh[k] as number) * zk;
        // n = tanh(pre_n), pre_n = W_in x + b_in + r ⊙ hn
        dPreN[k] = keep((dGate.n[k] as number) * (1 - nk * nk));
        dGate.r[k] = keep((dPreN[k] as number) * (hn[k] as number));
        dhn[k] = keep((dPreN[k] as number) * (rg.out[k] as number));
      }
      // hn = W_hn h_{t−1} + b_hn
      W_hn.addMatTVec(dhn, dhPrev);
      const dPreR = gateBackward(r, rg, dGate.r, dhPrev, keep, arena);
      const dPreZ = gateBackward(z, zg, dGate.z, dhPrev, keep, arena);
      return {
        grads: { dh, dc: null, dGate, dPre: { r: dPreR, z: dPreZ, n: dPreN, hn: dhn } },
        dhPrev,
        dcCarryPrev: null,
      };
    },
  };
}
