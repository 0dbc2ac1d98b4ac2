// ∂L/∂h₀ = W_hᵀ ∂L/∂h₁ on "ciao" reads W_h, and h₀ belongs to no step: the copy in step 1, which
// uses W_h on h₀, lights up.
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

beforeEach(() => window.history.replaceState(null, '', '/'));

function litParameters(container: HTMLElement, q: string): string[] {
  return [...container.querySelectorAll(`.step .sheet-cell[data-q="${q}"][data-role="read"]`)].map(
    (e) => e.closest('.step')?.getAttribute('data-step') ?? '',
  );
}

describe('the parameters a backward frame reads', () => {
  it('light W_h in step 1 for ∂L/∂h₀ (frame 6 of "ciao"), as for ∂L/∂h₁ (frame 5), whose own step is 1', () => {
    const store = createWorksheetStore('elman-ciao');
    const { container } = render(<App store={store} />);
    act(() => store.getState().setDirection('backward', 5));
    expect(container.querySelector('.sheet [data-role="current"]')).toHaveAttribute('data-t', '0');
    expect(litParameters(container, 'W_hh')).toEqual(['1']);
    act(() => store.getState().setDirection('backward', 4));
    expect(container.querySelector('.sheet [data-role="current"]')).toHaveAttribute('data-t', '1');
    expect(litParameters(container, 'W_hh')).toEqual(['1']);
  });
});
