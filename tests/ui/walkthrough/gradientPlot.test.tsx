import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { texLoaded } from '../../../src/ui/common/Tex';
import { messages } from '../../../src/ui/messages/messages';
import { builtInFile } from '../../../src/store/sheet';
import { findBuiltIn } from '../../../src/worksheets';

beforeAll(() => texLoaded());
beforeEach(() => window.history.replaceState(null, '', '/'));

type Store = ReturnType<typeof createWorksheetStore>;

async function openPlot(id: string) {
  const store = createWorksheetStore(id);
  const { container } = render(<App store={store} />);
  await userEvent.click(screen.getByText(messages.gradientPlotTitle));
  await waitFor(() => expect(container.querySelector('.gradient-plot-chart')).not.toBeNull());
  return { store, container };
}

/** The plotted values of one curve, t = 0 … T, from the points' data attributes. */
function plotted(container: HTMLElement, series = 'own'): number[] {
  return Array.from(container.querySelectorAll<SVGElement>(`[data-series="${series}"] circle`), (c) =>
    Number(c.dataset.value),
  );
}

const W_hh = (store: Store) => (store.getState().file as { params: { W_hh: number[][] } }).params.W_hh;
const params = (store: Store) => (store.getState().file as { params: Record<string, unknown> }).params;
const typedField = (name: string) => screen.getByLabelText(messages.gradientTyped(name)) as HTMLInputElement;
const slider = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('the gradient plot on the Elman "ciao"', () => {
  it('plots |∂L/∂h_t| = 268750, 53750, 10750, 2150, 430 (SPEC §3) with the closed form', async () => {
    const { container } = await openPlot('elman-ciao');
    expect(plotted(container)).toEqual([268750, 53750, 10750, 2150, 430]);
    expect(container.querySelector('.gradient-closed-form')).not.toBeNull();
    expect(screen.getByText(messages.gradientClosedFormSays('W_h', '5', 'explodes'))).toBeInTheDocument();
  });

  it('moves with the W_h slider: at 0.5 the gradient vanishes going back', async () => {
    const { store, container } = await openPlot('elman-ciao');
    act(() => void fireEvent.change(slider(messages.gradientValueSlider('W_h')), { target: { value: '0.5' } }));
    expect(W_hh(store)).toEqual([[0.5]]);
    // h = 1, −1.5, 8.25, 9.125; ∂L/∂h₄ = 2 · (−9.125) · (−1) = 18.25, halved each step back
    expect(plotted(container)).toEqual([1.140625, 2.28125, 4.5625, 9.125, 18.25]);
    expect(typedField('W_h').value).toBe('0.5');
    expect(screen.getByText(messages.gradientClosedFormSays('W_h', '0.5', 'vanishes'))).toBeInTheDocument();
    // the closed form writes W_h and y in full on this whole-number sheet: 2 · (−9.125) · (−1) · 0.5⁴ = 1.140625
    const closedForm = container.querySelector('.gradient-closed-form')?.textContent ?? '';
    expect(closedForm).toContain('9.125');
    expect(closedForm).toContain('0.5');
    expect(closedForm).toContain('1.140625');
  });

  it('takes a typed W_h, and keeps bad text with a message while the sheet stays on the last good value', async () => {
    const { store } = await openPlot('elman-ciao');
    const field = typedField('W_h');
    await userEvent.clear(field);
    await userEvent.type(field, '2');
    expect(W_hh(store)).toEqual([[2]]);

    await userEvent.clear(field);
    expect(field.value).toBe('');
    expect(screen.getByRole('alert')).toHaveTextContent(messages.gradientInputEmpty('−6', '6', 'W_h = 2.0'));
    expect(W_hh(store)).toEqual([[2]]);

    await userEvent.type(field, 'abc');
    expect(field.value).toBe('abc');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      messages.gradientInputNotANumber('abc', '−6', '6', 'W_h = 2.0'),
    );
    expect(W_hh(store)).toEqual([[2]]);

    await userEvent.clear(field);
    await userEvent.type(field, '7');
    expect(field.value).toBe('7');
    expect(screen.getByRole('alert')).toHaveTextContent(messages.gradientInputOutOfRange('7', '−6', '6', 'W_h = 2.0'));
    expect(W_hh(store)).toEqual([[2]]);
  });

  it('resets to W_h = −5 as opened, keeping the word', async () => {
    const { store, container } = await openPlot('elman-ciao');
    act(() => store.getState().setInput(['c', 'o', 'c', 'a']));
    act(() => void fireEvent.change(slider(messages.gradientValueSlider('W_h')), { target: { value: '1' } }));
    await userEvent.click(screen.getByRole('button', { name: messages.gradientReset }));
    expect(W_hh(store)).toEqual([[-5]]);
    expect((store.getState().file as { tokens: string[] }).tokens).toEqual(['c', 'o', 'c', 'a']);
    expect(typedField('W_h').value).toBe('−5.0');
    expect(plotted(container)).toHaveLength(5);
  });
});

describe('the gradient plot on a file the user opened', () => {
  it('resets to the file as opened, even after the plot was closed and opened again', async () => {
    const store = createWorksheetStore(null);
    const file = { ...(builtInFile(findBuiltIn('elman-ciao')!) as object), params: { W_ih: [[1]], W_hh: [[-3]] } };
    render(<App store={store} />);
    act(() => store.getState().openFile(file));
    const summary = await screen.findByText(messages.gradientPlotTitle);
    await userEvent.click(summary);
    act(() => void fireEvent.change(slider(messages.gradientValueSlider('W_h')), { target: { value: '1' } }));
    expect(W_hh(store)).toEqual([[1]]);
    await userEvent.click(summary);
    await userEvent.click(summary);
    await userEvent.click(await screen.findByRole('button', { name: messages.gradientReset }));
    expect(W_hh(store)).toEqual([[-3]]);
  });

  it('resets to the file as opened after a trip to Practice and back, with the slider where it was left', async () => {
    const store = createWorksheetStore(null);
    const file = { ...(builtInFile(findBuiltIn('elman-ciao')!) as object), params: { W_ih: [[1]], W_hh: [[-3]] } };
    render(<App store={store} />);
    act(() => store.getState().openFile(file));
    await userEvent.click(await screen.findByText(messages.gradientPlotTitle));
    act(() => void fireEvent.change(slider(messages.gradientValueSlider('W_h')), { target: { value: '1' } }));
    act(() => store.getState().setMode('practice'));
    act(() => store.getState().setMode('walkthrough'));
    expect(slider(messages.gradientValueSlider('W_h')).value).toBe('1');
    await userEvent.click(await screen.findByRole('button', { name: messages.gradientReset }));
    expect(W_hh(store)).toEqual([[-3]]);
  });
});

describe('the gradient plot on other worksheets', () => {
  it('scales every hidden-to-hidden matrix of the LSTM and shifts its forget bias, and resets both', async () => {
    const { store, container } = await openPlot('lstm-2-decimals');
    const before = plotted(container);
    expect(before).toHaveLength(4);
    expect(container.querySelector('.gradient-closed-form')).toBeNull();
    const W_hi = (params(store).W_hi as number[][]).map((r) => [...r]);
    act(() => void fireEvent.change(slider(messages.gradientScaleSlider), { target: { value: '2' } }));
    expect(params(store).W_hi).toEqual(W_hi.map((r) => r.map((w) => 2 * w)));
    act(() => void fireEvent.change(slider(messages.gradientForgetSlider), { target: { value: '1.5' } }));
    expect(params(store).b_if).toEqual([1.5, 1.5]);
    // a typed scale out of its range 0 to 3 stays, and the matrices stay at ×2
    await userEvent.clear(typedField(messages.gradientScaleName));
    await userEvent.type(typedField(messages.gradientScaleName), '4');
    expect(screen.getByRole('alert')).toHaveTextContent(
      messages.gradientInputOutOfRange('4', '0', '3', `${messages.gradientScaleName} = 2.00`),
    );
    expect(params(store).W_hi).toEqual(W_hi.map((r) => r.map((w) => 2 * w)));
    expect(plotted(container)).not.toEqual(before);
    await userEvent.click(screen.getByRole('button', { name: messages.gradientReset }));
    expect(params(store).W_hi).toEqual(W_hi);
    expect('b_if' in params(store)).toBe(false);
    expect(plotted(container)).toEqual(before);
  });

  it('draws zero gradients on the floor with a note, never NaN', async () => {
    const { container } = await openPlot('kinds-many-to-many');
    expect(plotted(container)).toEqual([0, 0, 0, 0]);
    const ys = Array.from(container.querySelectorAll('[data-series="own"] circle'), (c) => c.getAttribute('cy'));
    expect(new Set(ys).size).toBe(1);
    expect(ys.every((y) => Number.isFinite(Number(y)))).toBe(true);
    expect(container.querySelectorAll('circle.off-scale')).toHaveLength(4);
    expect(screen.getByText(messages.gradientZeroNote)).toBeInTheDocument();
  });

  it('says a rounded sheet plots its carried values, and so does a rounded one compared', async () => {
    await openPlot('lstm-1-decimal-rounded');
    expect(screen.getByText(messages.gradientRoundedNote)).toBeInTheDocument();
    cleanup();
    // the URL names the worksheet open: the next App would open that one
    window.history.replaceState(null, '', '/');
    await openPlot('lstm-2-decimals');
    expect(screen.queryByText(messages.gradientRoundedNote)).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText(messages.gradientCompare), 'lstm-1-decimal-rounded');
    const title = findBuiltIn('lstm-1-decimal-rounded')!.title;
    expect(screen.getByText(messages.gradientCompareRoundedNote(title))).toBeInTheDocument();
  });

  it('draws another worksheet’s curve on the same plot to compare', async () => {
    const { container } = await openPlot('lstm-2-decimals');
    await userEvent.selectOptions(screen.getByLabelText(messages.gradientCompare), 'elman-ciao');
    expect(plotted(container, 'compare')).toEqual([268750, 53750, 10750, 2150, 430]);
    expect(plotted(container, 'own')).toHaveLength(4);
  });

  it('is not there for a worksheet without a loss', () => {
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    expect(screen.queryByText(messages.gradientPlotTitle)).toBeNull();
  });
});
