import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../src/store/worksheetStore';
import { App } from '../../src/ui/App';

function valuesOf(q: string, container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll(`tr[data-q="${q}"] td.value`)).map((td) => td.textContent ?? '');
}

describe('the app', () => {
  it("shows Tom Yeh's worksheet with y = 3, 16, 28, 40", () => {
    const { container } = render(<App store={createWorksheetStore('rnn-by-hand')} />);
    expect(screen.getByRole('table', { name: /RNN by hand \(Tom Yeh\)/ })).toBeInTheDocument();
    expect(valuesOf('y', container)).toEqual(['3', '16', '28', '40']);
  });

  it('switches worksheets from the picker', async () => {
    const { container } = render(<App store={createWorksheetStore('rnn-by-hand')} />);
    await userEvent.selectOptions(screen.getByLabelText('Worksheet'), 'elman-ciao');
    expect(valuesOf('h', container)).toEqual(['1', '\u22127', '44', '\u2212215']);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(16);
  });
});
