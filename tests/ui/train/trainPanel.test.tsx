import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { texLoaded } from '../../../src/ui/common/Tex';
import elmanCiao from '../../../src/worksheets/elman-ciao.json';

beforeAll(() => texLoaded());
beforeEach(() => window.history.replaceState(null, '', '/'));

const params = (store: ReturnType<typeof createWorksheetStore>) =>
  (store.getState().file as { params: Record<string, number[][]> }).params;

/** The panel on "ciao", with η typed as given (what the student types is read when a step is taken). */
async function ciaoWithEta(text: string) {
  const store = createWorksheetStore('elman-ciao');
  render(<App store={store} />);
  const eta = screen.getByLabelText('Learning rate η');
  await userEvent.clear(eta);
  await userEvent.type(eta, text);
  return { store, eta };
}
const takeOneStep = () => userEvent.click(screen.getByRole('button', { name: 'Take one step' }));

describe('the training panel', () => {
  it('is there for a worksheet with a loss, decided from the file, not its id', () => {
    const store = createWorksheetStore('elman-ciao');
    const { unmount } = render(<App store={store} />);
    expect(screen.getByRole('heading', { name: 'A training step' })).toBeInTheDocument();
    // the same file without its loss (and targets): no panel
    const noLoss: Record<string, unknown> = { ...elmanCiao };
    delete noLoss.loss;
    delete noLoss.targets;
    act(() => store.getState().openFile(noLoss));
    expect(screen.queryByRole('heading', { name: 'A training step' })).toBeNull();
    unmount();
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    expect(screen.queryByRole('heading', { name: 'A training step' })).toBeNull();
  });

  it('one step at η = 0.001 writes W_h = −5 − 0.001 · (−44720) = 39.72 into the sheet; back again', async () => {
    const { store } = await ciaoWithEta('0.001');
    expect(store.getState().frame).toBe(0); // typing did not step the sheet
    await takeOneStep();
    expect(params(store).W_hh![0]![0]).toBeCloseTo(39.72, 10);
    expect(params(store).W_ih![0]![0]).toBeCloseTo(-91.45, 10);
    expect(screen.getByText(/^The loss went from 46225 to /)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the original numbers' }));
    expect(params(store)).toEqual({ W_ih: [[1]], W_hh: [[-5]] });
  });

  it('keeps its way back, and what it showed, over a trip to Practice and back', async () => {
    const { store } = await ciaoWithEta('0.001');
    await takeOneStep();
    act(() => store.getState().setMode('practice'));
    // in practice the panel is out of sight (and out of the accessibility tree)
    expect(screen.queryByRole('heading', { name: 'A training step' })).toBeNull();
    act(() => store.getState().setMode('walkthrough'));
    expect(screen.getByLabelText('Learning rate η')).toHaveValue('0.001');
    expect(screen.getByText(/^The loss went from 46225 to /)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the original numbers' }));
    expect(params(store)).toEqual({ W_ih: [[1]], W_hh: [[-5]] });
  });

  it('bad input gets a message, stays as typed and changes nothing', async () => {
    const { store, eta } = await ciaoWithEta('-1');
    await takeOneStep();
    expect(screen.getByRole('alert')).toHaveTextContent('The learning rate must be greater than 0 (-1 is not).');
    expect(eta).toHaveValue('-1');
    expect(eta).toHaveAttribute('aria-invalid', 'true');
    const steps = screen.getByLabelText('Steps N');
    await userEvent.clear(steps);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'Type how many steps to train: a whole number from 1 to 10000.',
    );
    expect(params(store)).toEqual({ W_ih: [[1]], W_hh: [[-5]] });
  });

  it('trains N steps (here on the page, in slices: jsdom has no Worker) and draws the loss curve', async () => {
    const store = createWorksheetStore('elman-ciao');
    render(<App store={store} />);
    const eta = screen.getByLabelText('Learning rate η');
    await userEvent.clear(eta);
    await userEvent.type(eta, '0.00001');
    const steps = screen.getByLabelText('Steps N');
    await userEvent.clear(steps);
    await userEvent.type(steps, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() =>
      expect(document.querySelector('.train-loss')?.textContent).toMatch(
        /^After 20 steps the loss went from 46225 to /,
      ),
    );
    expect(screen.getByRole('img', { name: /^Loss curve over 20 steps/ })).toBeInTheDocument();
    expect(params(store).W_hh![0]![0]).not.toBe(-5);
  });

  it('a run still going when Practice is opened stops there, and the sheet keeps its numbers', async () => {
    const { store } = await ciaoWithEta('0.00001');
    const steps = screen.getByLabelText('Steps N');
    await userEvent.clear(steps);
    await userEvent.type(steps, '10000');
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    act(() => store.getState().setMode('practice'));
    act(() => store.getState().setMode('walkthrough'));
    await waitFor(() => expect(screen.getByText(/^Training stopped after \d+ steps/)).toBeInTheDocument());
    expect(params(store)).toEqual({ W_ih: [[1]], W_hh: [[-5]] });
  });

  it('a run that overflows stops there and leaves the sheet as it was', async () => {
    const store = createWorksheetStore('elman-ciao');
    render(<App store={store} />);
    // η = 0.1 on "ciao": W_h = −5 + 0.1 · 44720 = 4467 after one step, and on from there
    const steps = screen.getByLabelText('Steps N');
    await userEvent.clear(steps);
    await userEvent.type(steps, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() =>
      expect(screen.getByText(/^The numbers overflowed at step \d+: a parameter would go past/)).toBeInTheDocument(),
    );
    expect(screen.queryByText('This worksheet cannot be computed:')).toBeNull();
    expect(params(store)).toEqual({ W_ih: [[1]], W_hh: [[-5]] });
  });
});
