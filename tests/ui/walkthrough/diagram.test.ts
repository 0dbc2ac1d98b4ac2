import { describe, expect, it } from 'vitest';
import { builtInFile, computeSheet } from '../../../src/store/sheet';
import { diagramColumns } from '../../../src/ui/walkthrough/diagram';
import { findBuiltIn } from '../../../src/worksheets';

const modelOf = (id: string) => {
  const s = computeSheet(builtInFile(findBuiltIn(id)!));
  if (!s.ok) throw new Error(id);
  return s.sheet.model;
};
const shape = (id: string, before: string | null = null) =>
  diagramColumns(modelOf(id), before ? modelOf(before) : null).map(
    (c) => `${c.part ?? ''}${c.t}:${c.input}/${c.output}`,
  );

describe('the unrolled diagram', () => {
  it('one to many: the input fed at t = 1 only, an output at every step', () => {
    expect(shape('kinds-one-to-many')).toEqual(['1:fed/used', '2:zero/used', '3:zero/used']);
  });
  it('many to one: every input fed, only the last output used by the loss', () => {
    expect(shape('kinds-many-to-one')).toEqual(['1:fed/unused', '2:fed/unused', '3:fed/used']);
  });
  it('encoder–decoder: the encoder without outputs, then the decoder with zero inputs and outputs', () => {
    expect(shape('kinds-decoder', 'kinds-encoder')).toEqual([
      'encoder1:fed/none',
      'encoder2:fed/none',
      'decoder1:zero/used',
      'decoder2:zero/used',
    ]);
  });
});
