// Compares a trace with a reference case's expected fields, as ../shared/tools/check-trace does:
// only the fields present in `expected`; c, gates and y must be absent where expected has none.

export function firstTraceMismatch(expected: unknown, got: unknown, rounded: boolean): string | null {
  const [rel, abs] = rounded ? [0, 1e-9] : [1e-9, 1e-12];
  const exp = expected as { steps: Record<string, unknown>[]; loss?: unknown; grads?: unknown };
  const out = got as { steps?: Record<string, unknown>[] } & Record<string, unknown>;
  if (!out || !Array.isArray(out.steps) || out.steps.length !== exp.steps.length) return 'steps: wrong length';
  for (let k = 0; k < exp.steps.length; k++) {
    const e = exp.steps[k] as Record<string, unknown>;
    const g = out.steps[k] as Record<string, unknown>;
    for (const key of ['c', 'gates', 'y']) if (!(key in e) && key in g) return `steps[${k}].${key}: expected absent`;
    const bad = compare(e, g, `steps[${k}]`, rel, abs);
    if (bad) return bad;
  }
  for (const key of ['loss', 'grads'] as const) {
    if (key in exp) {
      const bad = compare(exp[key], out[key], key, rel, abs);
      if (bad) return bad;
    }
  }
  return null;
}

function compare(e: unknown, g: unknown, path: string, rel: number, abs: number): string | null {
  if (Array.isArray(e)) {
    if (!Array.isArray(g) || g.length !== e.length) return `${path}: expected a list of ${e.length}`;
    for (let k = 0; k < e.length; k++) {
      const bad = compare(e[k], g[k], `${path}[${k}]`, rel, abs);
      if (bad) return bad;
    }
    return null;
  }
  if (e === null) return g === null ? null : `${path}: expected null, got ${JSON.stringify(g)}`;
  if (typeof e === 'object') {
    if (typeof g !== 'object' || g === null) return `${path}: expected an object`;
    for (const [k, v] of Object.entries(e)) {
      if (!(k in g)) return `${path}.${k}: missing`;
      const bad = compare(v, (g as Record<string, unknown>)[k], `${path}.${k}`, rel, abs);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof g !== 'number' || !(Math.abs(g - (e as number)) <= abs + rel * Math.abs(e as number)))
    return `${path}: expected ${String(e)}, got ${JSON.stringify(g)}`;
  return null;
}
