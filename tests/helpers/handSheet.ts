// Every number of a forward sheet worked out as a student does, from the worksheet's own
// parameters and the reference trace's states (PyTorch's h, c, gates and y): products row by
// row, sums, and the element-wise steps. Independent of the engine; used to fill sheets in the
// browser tests. Covers the cells of RNN and LSTM sheets without biases.

type Vec = number[];
interface Step {
  h: Vec;
  c?: Vec;
  gates?: Record<string, Vec>;
  y?: Vec;
}

export interface HandSheet {
  /** the value of the cell named by a slot key ("mv:W_hh@2[0]") */
  value(slot: string): number;
}

export function handSheet(worksheet: Record<string, unknown>, steps: Step[]): HandSheet {
  const params = worksheet.params as Record<string, number[][]>;
  const readout = worksheet.readout as { W_hy?: number[][] } | undefined;
  const vocabulary = worksheet.vocabulary as Record<string, Vec> | undefined;
  const tokens = worksheet.tokens as string[] | undefined;
  const inputs = worksheet.inputs as Vec[] | undefined;
  const targets = worksheet.targets as Vec[] | undefined;
  const H = steps[0]!.h.length;
  const zeros = Array.from({ length: H }, () => 0);
  const x = (t: number): Vec => (tokens ? vocabulary![tokens[t - 1]!]! : inputs![t - 1]!);
  const h = (t: number): Vec => (t === 0 ? zeros : steps[t - 1]!.h);
  const c = (t: number): Vec => (t === 0 ? zeros : steps[t - 1]!.c!);
  const gate = (g: string, t: number): Vec => steps[t - 1]!.gates![g]!;
  const rowTimes = (W: number[][], i: number, v: Vec) => W[i]!.reduce((s, w, j) => s + w * v[j]!, 0);
  // W_i* multiply x_t; W_h* multiply h_{t−1}
  const mv = (W: string, t: number, i: number) =>
    W === 'W_hy' ? rowTimes(readout!.W_hy!, i, h(t)) : rowTimes(params[W]!, i, W.startsWith('W_i') ? x(t) : h(t - 1));
  const lstmGates = { i: ['W_ii', 'W_hi'], f: ['W_if', 'W_hf'], g: ['W_ig', 'W_hg'], o: ['W_io', 'W_ho'] } as const;

  const value = (q: string, t: number, i: number): number => {
    if (q.startsWith('mv:')) return mv(q.slice(3), t, i);
    if (q === 'pre:h') return mv('W_ih', t, i) + mv('W_hh', t, i);
    if (q.startsWith('pre:')) {
      const [Wi, Wh] = lstmGates[q.slice(4) as keyof typeof lstmGates];
      return mv(Wi, t, i) + mv(Wh, t, i);
    }
    if (q in lstmGates) return gate(q, t)[i]!;
    if (q === 'h') return h(t)[i]!;
    if (q === 'c') return c(t)[i]!;
    if (q === 'f*c') return gate('f', t)[i]! * c(t - 1)[i]!;
    if (q === 'i*g') return gate('i', t)[i]! * gate('g', t)[i]!;
    if (q === 'tanh(c)') return Math.tanh(c(t)[i]!);
    // y = W_hy h_t is written straight into y when there is no bias; otherwise y is the reference's
    if (q === 'y') return steps[t - 1]!.y![i]!;
    // cross-entropy: −Σ_k target_k ln y_k
    if (q === 'loss') return -targets![t - 1]!.reduce((s, tk, k) => s + tk * Math.log(steps[t - 1]!.y![k]!), 0);
    if (q === 'L') return steps.reduce((s, _st, k) => s + value('loss', k + 1, 0), 0);
    throw new Error(`no hand computation for ${q}`);
  };
  return {
    value(slot) {
      const m = /^(.+)@(\d+)\[(\d+)\]$/.exec(slot);
      if (!m) throw new Error(`not a slot key: ${slot}`);
      return value(m[1]!, Number(m[2]), Number(m[3]));
    },
  };
}
