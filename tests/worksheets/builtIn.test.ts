import { describe, expect, it } from 'vitest';
import { computeTrace, traceJson } from '../../src/core/trace';
import { BUILT_IN_WORKSHEETS } from '../../src/worksheets';
import { mustLoad } from '../helpers/load';
import { referenceCase } from '../helpers/reference';

describe('the built-in worksheets', () => {
  it.each(BUILT_IN_WORKSHEETS.map((w) => [w.id, w] as const))('%s is a valid worksheet file with a title', (_id, w) => {
    expect(mustLoad(w.file).title.length).toBeGreaterThan(0);
  });

  it.each(BUILT_IN_WORKSHEETS.map((w) => [w.id, w] as const))('%s gives the reference trace of its slides', (id, w) => {
    const c = referenceCase(`seeds/${id}.json`);
    const model = mustLoad(w.file);
    const { forward, backward } = computeTrace(model);
    expect(traceJson(model, forward, backward)).toMatchTrace(c.expected, c.rounded);
  });
});
