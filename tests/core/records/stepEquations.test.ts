// A handout prints each step's equations for the generic step t, read off the records.
import { describe, expect, it } from 'vitest';
import { stepEquationsTex } from '../../../src/core/records/stepEquations';
import { builtInFile, computeSheet } from '../../../src/store/sheet';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../../../src/worksheets';

function equations(id: string): string[] {
  const computed = computeSheet(builtInFile(findBuiltIn(id)!));
  if (!computed.ok) throw new Error(id);
  return stepEquationsTex(computed.sheet.model, computed.records);
}

describe('the equations a handout prints', () => {
  it("Tom Yeh's RNN: a_t = B x_t + A h_{t−1}, h_t = ReLU(a_t), y_t = C h_t, in the sheet's labels", () => {
    expect(equations('rnn-by-hand')).toEqual([
      'a_{t} = B\\,x_{t} + A\\,h_{t-1}',
      'h_{t} = \\mathrm{ReLU}\\left(a_{t}\\right)',
      'y_{t} = C\\,h_{t}',
    ]);
  });

  it('the LSTM: four gates, c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t, h_t = o_t ⊙ tanh(c_t), softmax and the loss', () => {
    const lstm = equations('lstm-2-decimals');
    expect(lstm).toContain('a^{(i)}_{t} = W_{ii}\\,x_{t} + W_{hi}\\,h_{t-1}');
    expect(lstm).toContain('g_{t} = \\tanh\\left(a^{(g)}_{t}\\right)');
    expect(lstm).toContain('c_{t} = f_{t} \\odot c_{t-1} + i_{t} \\odot g_{t}');
    expect(lstm).toContain('h_{t} = o_{t} \\odot \\tanh(c_{t})');
    expect(lstm).toContain('y_{t} = \\operatorname{softmax}\\left(h_{t}\\right)');
    expect(lstm).toContain('L_{t} = -\\sum_k y^{*}_{t}[k] \\ln y_{t}[k]');
    expect(lstm.at(-1)).toBe('L = \\sum_{t} L_{t}');
    // the slides' names where the worksheet gives them: W_ic for PyTorch's W_ig
    expect(lstm).toContain('a^{(g)}_{t} = W_{ic}\\,x_{t} + W_{hc}\\,h_{t-1}');
  });

  it('every built-in worksheet gets at least its state equation, each quantity once', () => {
    for (const w of BUILT_IN_WORKSHEETS) {
      const eqs = equations(w.id);
      expect(
        eqs.some((e) => e.startsWith('h_{t} = ')),
        w.id,
      ).toBe(true);
      expect(new Set(eqs).size, w.id).toBe(eqs.length);
    }
  });
});
