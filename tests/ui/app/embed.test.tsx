import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS, formatQuizQuery } from '../../../src/core/practice/quiz';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { embedRequested, withEmbed, withoutEmbed } from '../../../src/ui/app/embed';
import { formatHash, parseHash } from '../../../src/ui/app/url';
import { messages } from '../../../src/ui/messages/messages';

beforeEach(() => window.history.replaceState(null, '', '/'));

describe('embed=1 in the address', () => {
  it('is how the page is shown, not what is open: the address means what it means without it', () => {
    expect(embedRequested('#/rnn-by-hand/3?embed=1')).toBe(true);
    expect(embedRequested('#/elman-ciao/3?input=cao&embed=1')).toBe(true);
    expect(embedRequested('#/rnn-by-hand/3')).toBe(false);
    expect(embedRequested('#/rnn-by-hand/3?embed=0')).toBe(false);
    expect(parseHash('#/rnn-by-hand/3?embed=1')).toEqual(parseHash('#/rnn-by-hand/3'));
    expect(parseHash('#/rnn-by-hand/3?embed=1')).toMatchObject({ kind: 'worksheet', id: 'rnn-by-hand', frame: 2 });
    expect(parseHash('#/elman-ciao/3?input=cao&embed=1')).toMatchObject({ input: 'cao', frame: 2 });
    expect(parseHash('#/elman-ciao/3?embed=1&input=cao')).toMatchObject({ input: 'cao', frame: 2 });
    expect(parseHash('#/elman-ciao/backward/practice?embed=1')).toMatchObject({
      mode: 'practice',
      direction: 'backward',
    });
    expect(parseHash('#/share/1.abc/4?embed=1')).toEqual({
      kind: 'share',
      payload: '1.abc',
      position: { frame: 3, granularity: 'number', direction: 'forward', mode: 'walkthrough' },
    });
    expect(parseHash('#/?embed=1')).toEqual({ kind: 'home' });
  });

  it('leaves a quiz link’s own settings to the quiz, as written', () => {
    const query = formatQuizQuery(DEFAULT_QUIZ_SETTINGS, 'class7b');
    expect(parseHash(`#/quiz?${query}&embed=1`)).toEqual({ kind: 'quiz', query });
    expect(parseHash('#/quiz?embed=1')).toEqual({ kind: 'quiz', query: '' });
  });

  it('is written last in an embedded page’s address, after the input, and only once', () => {
    const store = createWorksheetStore('rnn-by-hand');
    act(() => store.getState().goTo(2));
    expect(formatHash(store.getState(), true)).toBe('#/rnn-by-hand/3?embed=1');
    expect(formatHash(store.getState())).toBe('#/rnn-by-hand/3');
    const elman = createWorksheetStore('elman-ciao');
    act(() => elman.getState().setInput(['c', 'a', 'o']));
    expect(formatHash(elman.getState(), true)).toBe('#/elman-ciao/1?input=cao&embed=1');
    expect(formatHash(createWorksheetStore(null).getState(), true)).toBe('#/?embed=1');
    expect(withEmbed('#/rnn-by-hand/3?embed=1')).toBe('#/rnn-by-hand/3?embed=1');
    expect(withoutEmbed('#/elman-ciao/1?embed=1&input=cao')).toBe('#/elman-ciao/1?input=cao');
  });
});

describe('the embedded page', () => {
  it('shows the sheet and its controls, no header, editor or print row, and a link to the same place in full', () => {
    window.history.replaceState(null, '', '/#/rnn-by-hand/3?embed=1');
    const { container } = render(<App store={createWorksheetStore(null)} embedded />);
    expect(container.querySelector('.app-header')).toBeNull();
    expect(screen.queryByRole('button', { name: messages.editorOpen })).toBeNull();
    expect(screen.queryByRole('button', { name: messages.printButton })).toBeNull();
    expect(screen.getByText('Frame 3 of 36')).toBeInTheDocument();
    expect(container.querySelector('.embed-sheet .sheet')).not.toBeNull();
    const full = screen.getByRole('link', { name: messages.openInFull });
    expect(full.getAttribute('href')).toBe('#/rnn-by-hand/3');
    expect(full.getAttribute('target')).toBe('_blank');
  });

  it('keeps embed=1 in the address as the frames advance, and the full link follows them', async () => {
    window.history.replaceState(null, '', '/#/rnn-by-hand/3?embed=1');
    render(<App store={createWorksheetStore(null)} embedded />);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(window.location.hash).toBe('#/rnn-by-hand/5?embed=1');
    expect(screen.getByRole('link', { name: messages.openInFull }).getAttribute('href')).toBe('#/rnn-by-hand/5');
  });

  it('is not what the full page shows: there the header is, and no link to open it in full', () => {
    window.history.replaceState(null, '', '/#/rnn-by-hand/3');
    const { container } = render(<App store={createWorksheetStore(null)} />);
    expect(container.querySelector('.app-header')).not.toBeNull();
    expect(screen.queryByRole('link', { name: messages.openInFull })).toBeNull();
  });
});
