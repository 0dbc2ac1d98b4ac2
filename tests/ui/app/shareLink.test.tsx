import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink } from '../../../src/core/format/shareLink';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { formatHash, parseHash } from '../../../src/ui/app/url';
import { messages } from '../../../src/ui/messages/messages';
import { shareUrl } from '../../../src/ui/share/SharePanel';
import { findBuiltIn } from '../../../src/worksheets';

const lstmFile = () => structuredClone(findBuiltIn('lstm-2-decimals')?.file) as Record<string, unknown>;

beforeEach(() => window.history.replaceState(null, '', '/'));

describe('the address names the input a built-in worksheet was given', () => {
  it('writes the Elman sheet’s own word as no input, and another word as ?input=, read back the same', () => {
    const store = createWorksheetStore('elman-ciao');
    expect(formatHash(store.getState())).toBe('#/elman-ciao/1');
    act(() => store.getState().setInput(['c', 'a', 'o']));
    act(() => store.getState().goTo(2));
    expect(formatHash(store.getState())).toBe('#/elman-ciao/3?input=cao');
    expect(parseHash('#/elman-ciao/3?input=cao')).toEqual({
      kind: 'worksheet',
      id: 'elman-ciao',
      input: 'cao',
      frame: 2,
      granularity: 'number',
      direction: 'forward',
      mode: 'walkthrough',
    });
  });

  it('writes the sentiment sheet’s second review as ?input=2', () => {
    const store = createWorksheetStore('sentiment-many-to-one');
    act(() => store.getState().setInput(['not', 'good', 'movie'], [[0]]));
    expect(formatHash(store.getState())).toBe('#/sentiment-many-to-one/1?input=2');
  });

  it('opens #/elman-ciao/2?input=aoc with that word in the field and on the sheet', async () => {
    window.history.replaceState(null, '', '/#/elman-ciao/2?input=aoc');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    expect(store.getState().file).toMatchObject({ tokens: ['a', 'o', 'c'] });
    expect(store.getState().frame).toBe(1);
    expect(screen.getByRole('textbox', { name: /word/i })).toHaveValue('aoc');
    await waitFor(() => expect(window.location.hash).toBe('#/elman-ciao/2?input=aoc'));
  });

  it('shows a word with letters outside the vocabulary as typed, with the chooser’s message, and keeps the sheet’s word', () => {
    window.history.replaceState(null, '', '/#/elman-ciao/1?input=cxa');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    expect(store.getState().file).toMatchObject({ tokens: ['c', 'i', 'a', 'o'] });
    expect(screen.getByRole('textbox', { name: /word/i })).toHaveValue('cxa');
    expect(screen.getByRole('alert')).toHaveTextContent(messages.wordProblem(['x'], 'i, o, c, a'));
  });

  it('after a word the address asked for, keeps what the student types, and forgets it once another sheet is open', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#/elman-ciao/1?input=cxa');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    const field = () => screen.getByRole('textbox', { name: /word/i });
    await user.clear(field());
    await user.type(field(), 'oca');
    expect(field()).toHaveValue('oca');
    expect(store.getState().file).toMatchObject({ tokens: ['o', 'c', 'a'] });
    await waitFor(() => expect(window.location.hash).toBe('#/elman-ciao/1?input=oca'));
    act(() => store.getState().open('rnn-by-hand'));
    act(() => store.getState().open('elman-ciao'));
    expect(field()).toHaveValue('ciao');
  });

  it('opens the sentiment sheet’s third review from ?input=3, and its own from a review it does not have', () => {
    window.history.replaceState(null, '', '/#/sentiment-many-to-one/1?input=3');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    expect(store.getState().file).toMatchObject({ tokens: ['very', 'bad', 'movie'], targets: [[0]] });
    act(() => {
      window.history.pushState(null, '', '/#/sentiment-many-to-one/1?input=9');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(store.getState().file).toMatchObject({ tokens: ['very', 'good', 'movie'] });
  });
});

describe('a share link in the address', () => {
  it('reads #/share/<link> and the position words after it', () => {
    expect(parseHash('#/share/1.abc')).toEqual({ kind: 'share', payload: '1.abc', position: null });
    expect(parseHash('#/share/1.abc/backward/4/vector')).toEqual({
      kind: 'share',
      payload: '1.abc',
      position: { frame: 3, granularity: 'vector', direction: 'backward', mode: 'walkthrough' },
    });
    expect(parseHash('#/share/1.abc/practice')).toMatchObject({ position: { mode: 'practice' } });
    expect(parseHash('#/share/1.abc/sideways')).toBeNull();
  });

  it('opens the worksheet at the link’s view, and the address stays that link with the position after it', async () => {
    const payload = await encodeShareLink(lstmFile(), {
      frame: 4,
      direction: 'forward',
      mode: 'walkthrough',
      granularity: 'number',
    });
    window.history.replaceState(null, '', `/#/share/${payload}`);
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    await waitFor(() => expect(store.getState().worksheetId).toBe('file'));
    expect(store.getState().file).toEqual(lstmFile());
    expect(store.getState().frame).toBe(4);
    expect(window.location.hash).toBe(`#/share/${payload}/5`);
    act(() => store.getState().next());
    await waitFor(() => expect(window.location.hash).toBe(`#/share/${payload}/6`));
  });

  it('packs a shared worksheet again once it is changed here, replacing the address, so that a reload shows the change', async () => {
    const payload = await encodeShareLink(lstmFile());
    window.history.replaceState(null, '', `/#/share/${payload}`);
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    await waitFor(() => expect(store.getState().worksheetId).toBe('file'));
    const before = window.history.length;
    act(() =>
      store.getState().setParams({
        W_hi: [
          [0.5, 0],
          [0, 0.5],
        ],
      }),
    );
    await waitFor(() => expect(window.location.hash).not.toContain(payload), { timeout: 3000 });
    const repacked = /^#\/share\/([^/]+)\/1$/.exec(window.location.hash)?.[1] ?? '';
    expect(await decodeShareLink(repacked)).toMatchObject({
      ok: true,
      file: {
        params: {
          W_hi: [
            [0.5, 0],
            [0, 0.5],
          ],
        },
      },
    });
    expect(window.history.length).toBe(before);
  });

  it('lets go of the link once another worksheet is opened: a file opened after is not packed into it', async () => {
    const payload = await encodeShareLink(lstmFile());
    window.history.replaceState(null, '', `/#/share/${payload}`);
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    await waitFor(() => expect(store.getState().worksheetId).toBe('file'));
    act(() => store.getState().open('rnn-by-hand'));
    await waitFor(() => expect(store.getState().shared).toBeNull());
    act(() => store.getState().openFile(findBuiltIn('gru-by-hand')?.file));
    await new Promise((r) => setTimeout(r, 400));
    expect(window.location.hash).toBe('#/file/1');
  });

  it.each([
    ['truncated', (p: string) => p.slice(0, p.length / 2)],
    ['future', (p: string) => `7${p.slice(1)}`],
    ['corrupt', (p: string) => `${p}!`],
  ] as const)(
    'shows a %s link’s message on the home page, and keeps the link in the address',
    async (reason, breakIt) => {
      const broken = breakIt(await encodeShareLink(lstmFile()));
      window.history.replaceState(null, '', `/#/share/${broken}`);
      const store = createWorksheetStore(null);
      render(<App store={store} />);
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(messages.shareLinkReasons[reason]));
      expect(store.getState().worksheetId).toBeNull();
      expect(window.location.hash).toBe(`#/share/${broken}`);
    },
  );

  it('lists every problem of an invalid worksheet, by its field', async () => {
    const bad = lstmFile();
    (bad.params as Record<string, unknown>).W_hi = [[1]];
    window.history.replaceState(null, '', `/#/share/${await encodeShareLink(bad)}`);
    render(<App store={createWorksheetStore(null)} />);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(messages.shareLinkReasons.invalid));
    expect(screen.getByRole('alert')).toHaveTextContent('params.W_hi: expected a 2×2 matrix, got 1×1');
  });

  it('gives way to an address followed while it decodes: the later one wins', async () => {
    const payload = await encodeShareLink(lstmFile());
    window.history.replaceState(null, '', `/#/share/${payload}`);
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    act(() => {
      window.history.pushState(null, '', '/#/gru-by-hand/2');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().worksheetId).toBe('gru-by-hand');
    expect(window.location.hash).toBe('#/gru-by-hand/2');
  });
});

describe('the Share link button', () => {
  it('puts the link in a field and on the clipboard; the link opens the same worksheet at the same frame', async () => {
    const user = userEvent.setup();
    const store = createWorksheetStore('lstm-2-decimals');
    render(<App store={store} />);
    act(() => store.getState().goTo(6));
    await user.click(screen.getByRole('button', { name: messages.shareLinkButton }));
    // the share panel's own status (the answer key's copy buttons have one too)
    await waitFor(() => expect(screen.getByText(messages.shareLinkCopied)).toHaveAttribute('role', 'status'));
    const url = (screen.getByRole('textbox', { name: messages.shareLinkField }) as HTMLInputElement).value;
    expect(await navigator.clipboard.readText()).toBe(url);
    const payload = /#\/share\/([^/]+)$/.exec(url)?.[1] ?? '';
    expect(await decodeShareLink(payload)).toEqual({
      ok: true,
      file: findBuiltIn('lstm-2-decimals')?.file,
      view: { frame: 6, direction: 'forward', mode: 'walkthrough', granularity: 'number' },
    });
  });

  it('leaves the view out when “include the current frame and mode” is unticked', async () => {
    const user = userEvent.setup();
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    await user.click(screen.getByRole('button', { name: messages.shareLinkButton }));
    await user.click(screen.getByRole('checkbox', { name: messages.shareLinkInclude }));
    await waitFor(async () => {
      const url = (screen.getByRole('textbox', { name: messages.shareLinkField }) as HTMLInputElement).value;
      const decoded = await decodeShareLink(/#\/share\/([^/]+)$/.exec(url)?.[1] ?? '');
      expect(decoded).toMatchObject({ ok: true, view: null });
    });
  });

  it('refuses a worksheet whose link would be over 32 KB (an RNN with 4,096 random weights)', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const H = 64;
    const file = {
      ...(findBuiltIn('rnn-by-hand')?.file as object),
      params: {
        W_ih: Array.from({ length: H }, () => [random()]),
        W_hh: Array.from({ length: H }, () => Array.from({ length: H }, random)),
      },
      readout: undefined,
      h0: undefined,
    };
    const built = await shareUrl(JSON.parse(JSON.stringify(file)), null, 'http://x/');
    expect(built.kind).toBe('tooLarge');
  });
});
