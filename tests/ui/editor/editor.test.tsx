import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slotKey } from '../../../src/core/records/records';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { selectSheet } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { texLoaded } from '../../../src/ui/common/Tex';
import { messages } from '../../../src/ui/messages/messages';

beforeAll(() => texLoaded());
beforeEach(() => window.history.replaceState(null, '', '/'));

type Store = ReturnType<typeof createWorksheetStore>;

function openEditor(id = 'rnn-by-hand') {
  const store = createWorksheetStore(id);
  const { container } = render(<App store={store} />);
  fireEvent.click(screen.getByRole('button', { name: messages.editorOpen }));
  const editor = screen.getByRole('region', { name: messages.editorHeading });
  const cell = (path: string) => {
    const el = editor.querySelector<HTMLInputElement>(`[data-path="${path}"]`);
    if (!el) throw new Error(`no cell ${path}`);
    return el;
  };
  const select = (label: string) =>
    within(editor)
      .getByText(label, { selector: 'label > :first-child, label', exact: false })
      .closest('label')!
      .querySelector('select')!;
  return { store, container, editor, cell, select };
}

const params = (store: Store) => (store.getState().file as { params: Record<string, unknown> }).params;
const y = (store: Store) => {
  const s = selectSheet(store.getState());
  return s.ok ? [1, 2, 3, 4].map((t) => s.sheet.value('y', t, 0)) : [];
};
const paste = (el: HTMLElement, text: string) => fireEvent.paste(el, { clipboardData: { getData: () => text } });

describe('the editor on Tom Yeh’s RNN', () => {
  it('shows every matrix as a grid of its numbers, and typing into a cell recomputes the sheet', () => {
    const { store, cell } = openEditor();
    expect(cell('params.W_hh[0][1]').value).toBe('-1');
    fireEvent.change(cell('params.W_hh[0][1]'), { target: { value: '0' } });
    expect(params(store).W_hh).toEqual([
      [1, 0],
      [1, 1],
    ]);
    // W_hh = [[1, 0], [1, 1]], B = [1, 2], C = [−1, 1], h₀ = 0, ReLU:
    // h₁ = [3, 6], y₁ = 3; h₂ = [3 + 4, 3 + 6 + 8] = [7, 17], y₂ = 10
    expect(y(store).slice(0, 2)).toEqual([3, 10]);
  });

  it('keeps a text that is not a number exactly as typed, with its message at the cell, and the last valid sheet', () => {
    const { store, cell, container } = openEditor();
    const before = store.getState().file;
    fireEvent.change(cell('params.W_hh[1][0]'), { target: { value: '1..2' } });
    const entry = cell('params.W_hh[1][0]');
    expect(entry.value).toBe('1..2');
    expect(entry).toHaveAttribute('aria-invalid', 'true');
    const message = document.getElementById(entry.getAttribute('aria-describedby') ?? '');
    expect(message).toHaveTextContent(`params.W_hh[1][0]: ${messages.editorNotANumber('1..2')}`);
    expect(store.getState().file).toBe(before);
    expect(container.querySelector('.editor-last-valid')).toHaveTextContent(messages.editorShowingLastValid);
    expect(container.querySelector('.editor-status')).toHaveTextContent(messages.editorInvalid(1));

    fireEvent.change(entry, { target: { value: '2' } });
    expect(entry).not.toHaveAttribute('aria-invalid');
    expect(container.querySelector('.editor-last-valid')).toBeNull();
    expect(params(store).W_hh).toEqual([
      [1, -1],
      [2, 1],
    ]);
  });

  it('shows the validator’s own message where a choice breaks a rule: cross-entropy needs a softmax readout', () => {
    const { store, select, editor } = openEditor();
    fireEvent.click(within(editor).getByRole('checkbox', { name: messages.editorTargetsOn }));
    // targets without a loss are allowed: the sheet shows them
    const before = store.getState().file;
    expect((before as { targets: number[][] }).targets).toEqual([[0], [0], [0], [0]]);
    fireEvent.change(select(messages.editorLoss), { target: { value: 'cross_entropy' } });
    expect(within(editor).getAllByText(/cross_entropy needs a softmax readout/).length).toBeGreaterThanOrEqual(2);
    expect(store.getState().file).toBe(before);
    fireEvent.change(select(messages.editorReadoutActivation), { target: { value: 'softmax' } });
    // one output through softmax is 1, and a target of 0 does not sum to 1: the targets are named next
    expect(within(editor).getAllByText(/^targets\[0\]$/).length).toBeGreaterThanOrEqual(1);
  });

  it('fills a grid from the cell a spreadsheet block is pasted into, decimal commas read', () => {
    const { store, cell } = openEditor();
    paste(cell('params.W_hh[0][0]'), '0,5\t0\r\n0\t0,5\r\n');
    expect(params(store).W_hh).toEqual([
      [0.5, 0],
      [0, 0.5],
    ]);
    expect(cell('params.W_hh[1][1]').value).toBe('0.5');
  });

  it('says how many pasted numbers fell outside the grid, and pastes the rest', () => {
    const { store, cell } = openEditor();
    paste(cell('params.W_hh[1][1]'), '7\t8\n9\t10');
    expect(params(store).W_hh).toEqual([
      [1, -1],
      [1, 7],
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent(messages.editorPasteClipped(3, 'W_hh'));
  });

  it('resizes every matrix when H changes, keeping the numbers that still fit, new entries 0', () => {
    const { store, cell, select } = openEditor();
    fireEvent.change(select(messages.editorH), { target: { value: '3' } });
    expect(params(store).W_hh).toEqual([
      [1, -1, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(params(store).W_ih).toEqual([[1], [2], [0]]);
    expect(cell('readout.W_hy[0][2]').value).toBe('0');
    // the third unit has no weights in or out: y stays Tom Yeh's 3, 16, 28, 40
    expect(y(store)).toEqual([3, 16, 28, 40]);
    fireEvent.change(select(messages.editorH), { target: { value: '1' } });
    expect(params(store).W_hh).toEqual([[1]]);
  });

  it('undoes and redoes every edit, a resize and a paste included, by button and by keyboard', async () => {
    const { store, cell, select, editor } = openEditor();
    const original = store.getState().file;
    fireEvent.change(select(messages.editorH), { target: { value: '3' } });
    paste(cell('params.W_hh[0][0]'), '5 5 5');
    fireEvent.change(cell('params.W_ih[0][0]'), { target: { value: '4' } });
    expect(params(store).W_ih).toEqual([[4], [2], [0]]);

    fireEvent.click(within(editor).getByRole('button', { name: messages.editorUndo }));
    expect(params(store).W_ih).toEqual([[1], [2], [0]]);
    expect((params(store).W_hh as number[][])[0]).toEqual([5, 5, 5]);
    cell('params.W_hh[0][0]').focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect((params(store).W_hh as number[][])[0]).toEqual([1, -1, 0]);
    await userEvent.keyboard('{Control>}z{/Control}');
    // back at the start, the store has the very file it had
    expect(store.getState().file).toBe(original);
    expect(within(editor).getByRole('button', { name: messages.editorUndo })).toBeDisabled();

    cell('params.W_hh[0][0]').focus();
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(params(store).W_hh).toHaveLength(3);
    await userEvent.keyboard('{Control>}y{/Control}');
    expect((params(store).W_hh as number[][])[0]).toEqual([5, 5, 5]);
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorRedo }));
    expect(params(store).W_ih).toEqual([[4], [2], [0]]);
    expect(within(editor).getByRole('button', { name: messages.editorRedo })).toBeDisabled();
  });

  it('undoes from anywhere on the page but a field outside the editor, whose own undo it stays', async () => {
    const { store, cell } = openEditor();
    fireEvent.change(cell('params.W_hh[0][0]'), { target: { value: '3' } });
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect((params(store).W_hh as number[][])[0]).toEqual([3, -1]);
    outside.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect((params(store).W_hh as number[][])[0]).toEqual([1, -1]);
  });

  it('switches the cell kind to a GRU at the current H and I, and zeroes and randomises with hand-friendly numbers', () => {
    const { store, select, editor } = openEditor();
    fireEvent.change(select(messages.editorCell), { target: { value: 'gru' } });
    expect(Object.keys(params(store))).toEqual(['W_ir', 'W_iz', 'W_in', 'W_hr', 'W_hz', 'W_hn']);
    expect(params(store).W_hr).toEqual([
      [0, 0],
      [0, 0],
    ]);
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorRandomiseAll }));
    for (const m of Object.values(params(store)) as number[][][]) {
      expect(m.flat().every((v) => Number.isInteger(v) && Math.abs(v) <= 2)).toBe(true);
      expect(m.flat().some((v) => v !== 0)).toBe(true);
    }
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorZeroAll }));
    expect((Object.values(params(store)) as number[][][]).every((m) => m.flat().every((v) => v === 0))).toBe(true);
  });

  it('adds a bias and removes it again: absent is zeros, and not on the sheet', () => {
    const { store, editor } = openEditor();
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorAddBias('b_hh') }));
    expect(params(store).b_hh).toEqual([0, 0]);
    const grid = editor.querySelector('[data-path="params.b_hh[1]"]')!.closest('fieldset')!;
    fireEvent.click(within(grid as HTMLElement).getByRole('button', { name: messages.editorRemove }));
    expect('b_hh' in params(store)).toBe(false);
  });

  it('an edit kept as a copy, then Back to the built-in: the editor edits the built-in again, not the old draft', () => {
    const { store, cell } = openEditor();
    fireEvent.change(cell('params.W_hh[0][1]'), { target: { value: '5' } });
    const copy = store.getState().worksheetId;
    expect(copy).toMatch(/^my-/);
    // what Back does: the address of the built-in, opened again
    act(() => store.getState().open('rnn-by-hand'));
    const editor = screen.getByRole('region', { name: messages.editorHeading });
    const entry = editor.querySelector<HTMLInputElement>('[data-path="params.W_hh[0][1]"]')!;
    expect(entry.value).toBe('-1');
    fireEvent.change(entry, { target: { value: '2' } });
    // a second copy of the built-in, with its own numbers, not the first copy's
    expect(store.getState().worksheetId).not.toBe(copy);
    expect(
      store
        .getState()
        .kept.map((k) => k.name)
        .sort(),
    ).toEqual(['RNN by hand (Tom Yeh) (edited 2)', 'RNN by hand (Tom Yeh) (edited)']);
  });

  it('starts a new draft when another worksheet is opened while editing', () => {
    const { store } = openEditor();
    act(() => store.getState().open('gru-by-hand'));
    const editor = screen.getByRole('region', { name: messages.editorHeading });
    expect(editor.querySelector<HTMLInputElement>('[data-path="params.W_hr[0][1]"]')?.value).toBe('1');
    expect(editor.querySelector('[data-path="params.W_hh[0][0]"]')).toBeNull();
    expect(store.getState().worksheetId).toBe('gru-by-hand');
  });
});

describe('changing the numbers of a kept worksheet with practice answers', () => {
  // Tom Yeh's sheet kept as "Mine", with h₁ = [3, 6] typed in practice (h₁ = ReLU(A x₁) as h₀ = 0)
  function keptWithAnswers() {
    const store = createWorksheetStore('rnn-by-hand');
    const id = store.getState().keepAndOpen(structuredClone(store.getState().file), 'Mine');
    const original = store.getState().file;
    store.getState().setMode('practice');
    store.getState().typeAnswer(slotKey('h', 1, 0), '3');
    store.getState().typeAnswer(slotKey('h', 1, 1), '6');
    store.getState().setMode('walkthrough');
    render(<App store={store} />);
    fireEvent.click(screen.getByRole('button', { name: messages.editorOpen }));
    const editor = screen.getByRole('region', { name: messages.editorHeading });
    const entry = () => editor.querySelector<HTMLInputElement>('[data-path="params.W_hh[0][1]"]')!;
    return { store, id, original, editor, entry };
  }

  it('asks first, keeping the typed number in the editor and the sheet at its numbers until the student chooses', () => {
    const { store, id, original, editor, entry } = keptWithAnswers();
    expect(store.getState().keptAnswerCount()).toBe(2);
    expect(editor.querySelector('.editor-ask')).toBeNull();
    fireEvent.change(entry(), { target: { value: '5' } });
    expect(editor.querySelector('.editor-ask')).toHaveTextContent(messages.editorAskCopy(2));
    expect(entry().value).toBe('5');
    expect(store.getState()).toMatchObject({ worksheetId: id, file: original });
  });

  it('“Edit a new copy”: the edit goes to a new kept worksheet, and the kept one keeps its numbers and answers', () => {
    const { store, id, original, editor, entry } = keptWithAnswers();
    fireEvent.change(entry(), { target: { value: '5' } });
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorAskNewCopy }));
    const copy = store.getState().worksheetId;
    expect(copy).not.toBe(id);
    expect(params(store).W_hh).toEqual([
      [1, 5],
      [1, 1],
    ]);
    expect(editor.querySelector('.editor-ask')).toBeNull();
    // later edits change the copy in place
    fireEvent.change(entry(), { target: { value: '4' } });
    expect(store.getState().worksheetId).toBe(copy);
    expect(
      store
        .getState()
        .kept.map((k) => k.name)
        .sort(),
    ).toEqual(['Mine', 'Mine (edited)']);
    act(() => store.getState().open(id));
    expect(store.getState().file).toEqual(original);
    expect(store.getState().keptAnswerCount()).toBe(2);
  });

  it('“Change this one”: the kept worksheet takes the edit, and its answers come back on undoing to its numbers', () => {
    const { store, id, editor, entry } = keptWithAnswers();
    fireEvent.change(entry(), { target: { value: '5' } });
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorAskChangeThis }));
    expect(store.getState().worksheetId).toBe(id);
    expect(params(store).W_hh).toEqual([
      [1, 5],
      [1, 1],
    ]);
    expect(store.getState().keptAnswerCount()).toBe(0);
    expect(store.getState().kept.map((k) => k.name)).toEqual(['Mine']);
    fireEvent.click(within(editor).getByRole('button', { name: messages.editorUndo }));
    expect(params(store).W_hh).toEqual([
      [1, -1],
      [1, 1],
    ]);
    expect(store.getState().keptAnswerCount()).toBe(2);
  });

  it('does not ask for a built-in, whose edit is a copy of its own anyway', () => {
    const store = createWorksheetStore('rnn-by-hand');
    store.getState().setMode('practice');
    store.getState().typeAnswer(slotKey('h', 1, 0), '3');
    store.getState().setMode('walkthrough');
    expect(store.getState().keptAnswerCount()).toBe(0);
    render(<App store={store} />);
    fireEvent.click(screen.getByRole('button', { name: messages.editorOpen }));
    const editor = screen.getByRole('region', { name: messages.editorHeading });
    fireEvent.change(editor.querySelector('[data-path="params.W_hh[0][1]"]')!, { target: { value: '5' } });
    expect(editor.querySelector('.editor-ask')).toBeNull();
    expect(store.getState().worksheetId).toMatch(/^my-/);
  });
});

describe('the editor on a worksheet too large to work by hand', () => {
  it('says which sizes are not hand-sized and shows no grid beyond 8, until a smaller size is chosen', () => {
    const H = 10;
    const row = (n: number) => Array.from({ length: n }, () => 0);
    const store = createWorksheetStore(null);
    store.getState().openFile({
      format: 'rnn-by-hand/worksheet',
      version: 1,
      cell: 'rnn',
      params: { W_ih: Array.from({ length: H }, () => row(1)), W_hh: Array.from({ length: H }, () => row(H)) },
      inputs: [[1], [2]],
    });
    render(<App store={store} />);
    fireEvent.click(screen.getByRole('button', { name: messages.editorOpen }));
    const editor = screen.getByRole('region', { name: messages.editorHeading });
    expect(editor).toHaveTextContent(messages.editorTooLarge('H = 10'));
    expect(editor.querySelector('[data-path^="params."]')).toBeNull();
    expect(editor.querySelector('[data-path="inputs[1][0]"]')).not.toBeNull();
    const hSelect = within(editor).getByText(messages.editorH).closest('label')!.querySelector('select')!;
    fireEvent.change(hSelect, { target: { value: '2' } });
    expect(editor.querySelector('[data-path="params.W_hh[1][1]"]')).not.toBeNull();
    expect((store.getState().file as { params: { W_ih: number[][] } }).params.W_ih).toEqual([[0], [0]]);
  });
});
