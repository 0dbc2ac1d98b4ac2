import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/ui/messages/messages';

describe('the note on what a rounded sheet keeps in full', () => {
  it('lists what it keeps with every word in place, however many there are', () => {
    expect(messages.decimalsNote(1, 'rounded', 'lstm', false)).toContain(
      'Products that go into a sum and tanh(c) are kept in full',
    );
    expect(messages.decimalsNote(1, 'rounded', 'lstm', true)).toContain(
      'Products that go into a sum, tanh(c), and each step’s loss are kept in full',
    );
    expect(messages.decimalsNote(1, 'rounded', 'rnn', true)).toContain(
      'Products that go into a sum and each step’s loss are kept in full',
    );
    expect(messages.decimalsNote(2, 'rounded', 'gru', false)).toContain('Products that go into a sum are kept in full');
  });
});
