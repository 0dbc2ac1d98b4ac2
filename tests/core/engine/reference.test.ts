import { describe, expect, it } from 'vitest';
import { computeTrace, traceJson } from '../../../src/core/engine/trace';
import { mustLoad } from '../../helpers/load';
import { referenceCases } from '../../helpers/reference';

// Every reference case, through the engine's API; tests/cli runs them through the trace tool.
describe('the engine reproduces every reference case', () => {
  it.each([...referenceCases('seeds'), ...referenceCases('random')].map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const model = mustLoad(c.worksheet);
      const { forward, backward } = computeTrace(model);
      expect(traceJson(model, forward, backward)).toMatchTrace(c.expected, c.rounded);
    },
  );
});
