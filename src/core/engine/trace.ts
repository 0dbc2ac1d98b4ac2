// The trace of CONTRACT.md §2 as plain JSON data: every step's x, h, c, gates and y, the loss and
// the gradients, each the value the computation used.

import { runBackward, runForward, createCell, type Backward, type Forward } from './engine';
import { matrixToRows, type Matrix, type Vector } from './linalg';
import type { Model } from '../format/worksheet';

export interface TraceStepJson {
  t: number;
  x: number[];
  h: number[];
  c?: number[];
  gates?: Record<string, number[]>;
  y?: number[];
}

export interface TraceJson {
  steps: TraceStepJson[];
  loss: number | null;
  grads: Record<string, number[] | number[][]> | null;
}

/** Runs the model forward and, with a loss, backward. */
export function computeTrace(model: Model): { forward: Forward; backward: Backward | null } {
  const cell = createCell(model);
  const forward = runForward(model, cell);
  return { forward, backward: runBackward(model, forward, cell) };
}

/** The contract's trace object for a computed model. */
export function traceJson(model: Model, forward: Forward, backward: Backward | null): TraceJson {
  const steps = forward.steps.map((s, k): TraceStepJson => {
    const step: TraceStepJson = { t: k + 1, x: Array.from(s.x), h: Array.from(s.h) };
    if (s.c) step.c = Array.from(s.c);
    if (model.cell !== 'rnn') {
      step.gates = Object.fromEntries(Object.entries(s.gates).map(([q, g]) => [q, Array.from(g.out)]));
    }
    const r = forward.readouts[k];
    if (r) step.y = Array.from(r.y);
    return step;
  });
  let grads: TraceJson['grads'] = null;
  if (backward) {
    grads = {};
    for (const [name, g] of backward.grads) grads[name] = isMatrix(g) ? matrixToRows(g) : Array.from(g);
  }
  return { steps, loss: forward.loss, grads };
}

function isMatrix(g: Matrix | Vector): g is Matrix {
  return !(g instanceof Float64Array);
}

/** The path of the first number in a trace that is not finite (an overflow), or null. */
export function firstNonFinite(trace: TraceJson): string | null {
  const walk = (v: unknown, path: string): string | null => {
    if (typeof v === 'number') return Number.isFinite(v) ? null : path;
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) {
        const bad = walk(v[k], `${path}[${k}]`);
        if (bad) return bad;
      }
      return null;
    }
    if (v && typeof v === 'object') {
      for (const [key, value] of Object.entries(v)) {
        const bad = walk(value, path ? `${path}.${key}` : key);
        if (bad) return bad;
      }
    }
    return null;
  };
  return walk(trace, '');
}
