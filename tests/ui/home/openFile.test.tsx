import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, parseWorksheet } from '../../../src/core/format/validate';
import type { StoreApi } from 'zustand/vanilla';
import { createWorksheetStore, type WorksheetState } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { texLoaded } from '../../../src/ui/common/Tex';
import { PROGRESS_FROM_BYTES } from '../../../src/ui/home/OpenFile';
import { inProcessWorker, type InProcessWorker } from '../../helpers/inProcessWorker';
import { largeHandFriendlySheet } from '../../helpers/largeSheet';

// KaTeX in before any sheet mounts: loaded later, it would wake the formulas in the middle of a
// waitFor, outside act
beforeAll(() => texLoaded());

// every Worker the page makes runs the worker's job here, its replies delivered when the test says
let workers: InProcessWorker[] = [];
beforeEach(() => {
  workers = [];
  vi.stubGlobal(
    'Worker',
    vi.fn(function FakeWorker() {
      const w = inProcessWorker(false);
      workers.push(w);
      return w;
    }),
  );
  window.history.replaceState(null, '', '/#/');
});
afterEach(() => vi.unstubAllGlobals());

// written out with indentation, as an editor saves it: over the size that shows the bar
const large = { ...largeHandFriendlySheet('lstm', 16, 4, 64), title: 'Large' };
const largeFile = () => new File([JSON.stringify(large, null, 2)], 'large.json', { type: 'application/json' });
const small = { ...largeHandFriendlySheet('rnn', 2, 2, 3), title: 'Small' };
const smallFile = () => new File([JSON.stringify(small)], 'small.json', { type: 'application/json' });

function openHome() {
  const store = createWorksheetStore(null);
  render(<App store={store} />);
  return { store, input: screen.getByLabelText('Open a worksheet file (.json)') as HTMLInputElement };
}

const deliver = (w: InProcessWorker, count?: number) => act(() => w.deliver(count));
const titleOf = (file: unknown) => (file as { title?: string } | null)?.title;

/** The worker's remaining replies delivered: the file with this title is open at its first frame. */
async function opensAfterReplies(store: StoreApi<WorksheetState>, worker: InProcessWorker, title: string) {
  await deliver(worker);
  await screen.findByText(/^Frame 1 of /);
  expect(titleOf(store.getState().file)).toBe(title);
}

describe('opening a worksheet file through the worker', () => {
  it('shows a progress bar under the file chooser while a large file computes, then its sheet', async () => {
    expect(largeFile().size).toBeGreaterThanOrEqual(PROGRESS_FROM_BYTES);
    const { store, input } = openHome();
    await userEvent.upload(input, largeFile());
    const bar = await screen.findByRole('progressbar', { name: 'Computing large.json…' });
    expect(bar).toHaveAttribute('value', '0');
    const [worker] = workers as [InProcessWorker];
    await deliver(worker, 40);
    expect(Number(bar.getAttribute('value'))).toBeGreaterThan(0);
    expect(store.getState().worksheetId).toBeNull(); // still at home, still computing
    await opensAfterReplies(store, worker, 'Large');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(worker.terminated).toBe(true); // after the other-carry sheet
  });

  it('opens a small file through the worker too, without a bar that would only flash', async () => {
    const { store, input } = openHome();
    await userEvent.upload(input, smallFile());
    await vi.waitFor(() => expect(workers).toHaveLength(1));
    expect(screen.queryByRole('progressbar')).toBeNull();
    await opensAfterReplies(store, workers[0]!, 'Small');
  });

  it('a file chosen while another computes cancels the first', async () => {
    const { store, input } = openHome();
    await userEvent.upload(input, largeFile());
    await screen.findByRole('progressbar');
    await userEvent.upload(input, smallFile());
    await vi.waitFor(() => expect(workers).toHaveLength(2));
    expect(workers[0]!.terminated).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
    await opensAfterReplies(store, workers[1]!, 'Small');
  });

  it('lists every problem the worker found, with its field, and keeps the file chosen', async () => {
    const { store, input } = openHome();
    const broken = { ...large, params: { ...large.params, W_hf: [[1, 2]] }, tokens: ['A'] };
    const text = JSON.stringify(broken, null, 2);
    await userEvent.upload(input, new File([text], 'broken.json'));
    await screen.findByRole('progressbar');
    await deliver(workers[0]!);
    const alert = await screen.findByRole('alert');
    // exactly what validating on the main thread lists, as today
    const here = parseWorksheet(text);
    const problems = here.ok ? [] : here.problems.map(formatProblem);
    expect(problems).toContain('params.W_hf: expected a 16×16 matrix, got 1×2');
    expect(alert).toHaveTextContent(`broken.json is not a worksheet this app can open (${problems.length} problems):`);
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(problems);
    expect(store.getState().worksheetId).toBeNull();
    expect(input.files?.[0]?.name).toBe('broken.json');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('a worker that fails gives way to the main thread, and the file opens all the same', async () => {
    const { store, input } = openHome();
    await userEvent.upload(input, largeFile());
    await screen.findByRole('progressbar');
    await act(() => workers[0]!.onerror?.(new Event('error', { cancelable: true })));
    await screen.findByText(/^Frame 1 of /);
    expect(titleOf(store.getState().file)).toBe('Large');
  });
});
