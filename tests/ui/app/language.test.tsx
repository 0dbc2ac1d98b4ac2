// The language switch in the header, a link that names a language, and the links the app hands
// out in Chinese.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { builtInFile } from '../../../src/store/sheet';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';
import { parseHash } from '../../../src/ui/app/url';
import { en, messages, switchCatalogue } from '../../../src/ui/messages/messages';
import zh from '../../../src/ui/messages/zh';
import { shareUrl } from '../../../src/ui/share/SharePanel';
import { findBuiltIn } from '../../../src/worksheets';

beforeEach(() => window.history.replaceState(null, '', '/'));
// the App points the catalogue at its store's language: the next test starts in English
afterEach(() => switchCatalogue(en));

describe('the language switch in the header', () => {
  it('offers English and 中文, each in its own words, and redraws the page in the one pressed', () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    const switcher = screen.getByRole('group', { name: 'Language' });
    expect(switcher).toHaveTextContent('English中文');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Frame 1 of 36')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(store.getState().language).toBe('zh');
    expect(screen.getByText('第 1 帧，共 36 帧')).toBeInTheDocument();
    expect(screen.queryByText('Frame 1 of 36')).toBeNull();
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('lang', 'zh-Hans');
    expect(screen.getByRole('group', { name: '语言' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '手算 GRU' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(document.title).toBe('手算 RNN（Tom Yeh） · 手算 RNN');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Frame 1 of 36')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('RNN by hand (Tom Yeh) · RNN by Hand');
  });

  it('keeps the place on the sheet and the address as they were', async () => {
    const store = createWorksheetStore('rnn-by-hand');
    render(<App store={store} />);
    act(() => store.getState().goTo(17));
    await act(() => new Promise((r) => setTimeout(r, 10)));
    const address = window.location.hash;
    const entries = window.history.length;
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(store.getState().frame).toBe(17);
    expect(screen.getByText('第 18 帧，共 36 帧')).toBeInTheDocument();
    expect(window.location.hash).toBe(address);
    expect(window.history.length).toBe(entries);
  });
});

describe('the words the page made before the switch', () => {
  it('are made again: a quiz under way is titled in Chinese, with its own settings', () => {
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    act(() => store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'k3x9', en.quizTitle('LSTM', 2, 1, 3, 'k3x9')));
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    const cell = zh.quizCellNames[DEFAULT_QUIZ_SETTINGS.cell] ?? '';
    const { H, I, T } = DEFAULT_QUIZ_SETTINGS;
    const title = zh.quizTitle(cell, H, I, T, 'k3x9');
    expect(title).toMatch(/^测验：/);
    expect(screen.getByRole('option', { name: title })).toBeInTheDocument();
    expect(document.title).toBe(`${title} · 手算 RNN`);
  });
});

describe('a link with lang=zh', () => {
  it('opens its place in Chinese, and the address then shows the place alone', () => {
    window.history.replaceState(null, '', '/#/rnn-by-hand/3?lang=zh');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    expect(store.getState().language).toBe('zh');
    expect(screen.getByText('第 3 帧，共 36 帧')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/rnn-by-hand/3');
  });

  it('opens a quiz in Chinese with its settings, not a problem with its query', () => {
    window.history.replaceState(null, '', '/#/quiz?cell=gru&seed=k3x9&lang=zh');
    const store = createWorksheetStore(null);
    render(<App store={store} />);
    expect(store.getState()).toMatchObject({ mode: 'quiz', language: 'zh', quizLinkProblems: null });
    expect(store.getState().quiz?.settings.cell).toBe('gru');
    expect(screen.getByRole('button', { name: zh.quizSubmit })).toBeInTheDocument();
  });
});

describe('the links handed out in Chinese', () => {
  it('name the language: the quiz’s link opens the same quiz in Chinese', () => {
    const store = createWorksheetStore(null, { language: 'zh' });
    render(<App store={store} />);
    act(() => store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'k3x9', 'Quiz'));
    const link = screen.getByRole('link', { name: messages.quizShareLink });
    expect(messages.quizShareLink).toBe(zh.quizShareLink);
    expect(link.getAttribute('href')).toMatch(/^#\/quiz\?.*seed=k3x9&lang=zh$/);
  });

  it('name the language: a share link ends in lang=zh after its payload and opens the same worksheet', async () => {
    const file = builtInFile(findBuiltIn('gru-by-hand')!);
    const built = await shareUrl(file, null, 'http://x/', 'zh');
    expect(built.kind).toBe('link');
    const url = built.kind === 'link' ? built.url : '';
    expect(url).toMatch(/^http:\/\/x\/#\/share\/[\w.-]+\?lang=zh$/);
    const english = await shareUrl(file, null, 'http://x/');
    expect(english.kind === 'link' && english.url).toBe(url.replace('?lang=zh', ''));
    expect(parseHash(url.slice('http://x/'.length))).toEqual(
      parseHash(url.slice('http://x/'.length, -'?lang=zh'.length)),
    );
  });
});
