// The activation functions of the cells and readouts, and their derivatives written in terms of
// the output (what the backward pass has at hand).

export type RnnActivation = 'tanh' | 'relu' | 'sigmoid' | 'identity';
export type ReadoutActivation = 'identity' | 'softmax' | 'sigmoid';
export type ScalarActivation = RnnActivation;

// σ(a) = 1 / (1 + e^(−a)), in the same form as PyTorch so both round alike
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

export function tanh(a: number): number {
  return Math.tanh(a);
}

// ReLU(a) = max(0, a)
export function relu(a: number): number {
  return a > 0 ? a : 0;
}

export function identity(a: number): number {
  return a;
}

export function applyScalar(fn: ScalarActivation, a: number): number {
  switch (fn) {
    case 'tanh':
      return tanh(a);
    case 'relu':
      return relu(a);
    case 'sigmoid':
      return sigmoid(a);
    case 'identity':
      return identity(a);
  }
}

/**
 * dφ/da from the pre-activation a and the output y = φ(a).
 * ReLU's derivative at exactly 0 is 0, as in PyTorch.
 */
export function scalarDerivative(fn: ScalarActivation, a: number, y: number): number {
  switch (fn) {
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return a > 0 ? 1 : 0;
    case 'sigmoid':
      return y * (1 - y);
    case 'identity':
      return 1;
  }
}

// softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z)
/** @param z  [O]  @param out  [O], overwritten */
export function softmax(z: Float64Array, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, z[k] as number);
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp((z[k] as number) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) out[k] = (out[k] as number) / sum;
  return out;
}
