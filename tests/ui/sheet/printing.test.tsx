// A sheet too large to draw whole draws every step for printing, and every entry of each
// parameter's gradient, not the corner it shows on screen.
import { act, render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { largeHandFriendlySheet } from '../../helpers/largeSheet';

beforeEach(() => window.history.replaceState(null, '', '/'));

describe('printing a large sheet', () => {
  it('draws all 20 × 20 entries of ∂L/∂W_hi of an LSTM with H = 20, where the screen shows 16 × 16', async () => {
    const store = createWorksheetStore(null);
    const { container } = render(<App store={store} />);
    act(() => store.getState().openFile(largeHandFriendlySheet('lstm', 20, 2, 2)));
    act(() => store.getState().setDirection('backward'));
    const entries = () => container.querySelectorAll('.sheet-cell[data-q="d:W_hi"]').length;
    await waitFor(() => expect(entries()).toBe(16 * 16));
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(entries()).toBe(20 * 20);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(entries()).toBe(16 * 16);
  });
});
