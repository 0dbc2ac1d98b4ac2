import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_WORKSHEETS } from '../../../src/worksheets';
import { wording } from '../../../src/ui/messages/intl';
import { CATALOGUES } from '../../../src/ui/messages/language';
import { en, messages, switchCatalogue, type Messages } from '../../../src/ui/messages/messages';
import zh from '../../../src/ui/messages/zh';
import { englishWords } from '../../helpers/englishWords';

afterEach(() => switchCatalogue(en));

type Leaf = { readonly path: string; readonly value: unknown };

/** Every text and function of a catalogue, by its path (mistakes.signSlip, hintRungs.2). */
function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string' || typeof value === 'function') return [{ path, value }];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** The built-in worksheets' titles are the files' own in English: only the other languages list them. */
const shape = (m: Messages) => leaves({ ...m, worksheetTitles: {} }).map((l) => l.path);

const QUIZ_EXPECTED = [
  { kind: 'choice', choices: ['rnn', 'lstm'] },
  { kind: 'range', min: 1, max: 4 },
  { kind: 'seed', min: 1, max: 32 },
  { kind: 'once', times: 2 },
] as const;

/** Arguments that take each branch of the functions that need more than a plain value. */
const SAMPLES: Record<string, readonly (readonly unknown[])[]> = {
  wordProblem: [
    [['x'], 'a, b'],
    [['x', 'y'], 'a, b'],
  ],
  captionSum: [[['A h₀', 'B x₁'], 'a₁', '[1, 2]']],
  captionReluCut: [[['−11'], ['−1', '−2']]],
  'mistakes.fromOwnAnswers': [
    [['h₁[1]'], true, ['0.98'], 2, true],
    [['h₁[1]', 'h₁[2]'], false, [], 1, true],
    [['h₁[1]'], false, [], 1, false],
  ],
  trainClassWrong: [
    [[2], 3],
    [[1, 3], 3],
  ],
  quizLinkProblem: QUIZ_EXPECTED.flatMap((expected) => [
    ['H', '9', expected],
    ['H', null, expected],
  ]),
  pageTitle: [[null], ['GRU']],
};

/** Each function called with its samples, or with plain values (a text that reads as a number) for each parameter. */
function texts(m: Messages): { path: string; text: string }[] {
  return leaves(m).flatMap(({ path, value }) => {
    if (typeof value === 'string') return [{ path, text: value }];
    const fn = value as (...args: unknown[]) => string;
    const plain = (v: string) => Array.from({ length: fn.length }, () => v);
    // a key of the catalogue is valueOf: no sample is taken from the object's prototype
    const calls = Object.hasOwn(SAMPLES, path) ? (SAMPLES[path] ?? []) : [plain('2'), plain('1')];
    return calls.map((args) => ({ path, text: fn(...args) }));
  });
}

describe('the catalogues', () => {
  it('are English first, then Chinese (and any other file beside them), each offered in its own words', () => {
    expect([...CATALOGUES.keys()].slice(0, 2)).toEqual(['en', 'zh']);
    expect(CATALOGUES.get('en')?.languageName).toBe('English');
    expect(CATALOGUES.get('zh')).toBe(zh);
    expect(zh.languageName).toBe('中文');
  });

  it('have one shape: every key of English is in each other language and none more, down to each note’s questions', () => {
    for (const [code, catalogue] of CATALOGUES) expect(shape(catalogue), code).toEqual(shape(en));
  });

  it('give a text for every key, in each language, with every branch of the functions', () => {
    for (const [code, catalogue] of CATALOGUES) {
      const empty = texts(catalogue).filter((t) => t.text.trim() === '');
      expect(
        empty.map((t) => t.path),
        code,
      ).toEqual([]);
    }
  });

  it('have Chinese words for every text of the Chinese one: no English left but names, symbols and TeX', () => {
    // the locale is a language tag, for <html lang> and Intl, not a text
    const shown = texts(zh).filter((t) => t.path !== 'locale');
    const left = shown.flatMap(({ path, text }) => englishWords(text).map((w) => `${path}: ${w}`));
    expect(left).toEqual([]);
  });

  it('give every built-in worksheet a Chinese title, description, and notes where English has them', () => {
    for (const w of BUILT_IN_WORKSHEETS) {
      expect(englishWords(zh.worksheetTitles[w.id] ?? w.title), w.id).toEqual([]);
      expect(zh.worksheetDescriptions[w.id], w.id).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(zh.worksheetDescriptions)).toEqual(Object.keys(en.worksheetDescriptions));
  });

  it('are switched by switchCatalogue, which the components read through `messages`', () => {
    expect(messages.appTitle).toBe('RNN by Hand');
    switchCatalogue(zh);
    expect(messages.appTitle).toBe('手算 RNN');
    switchCatalogue(en);
    expect(messages.frameCounter(1, 36)).toBe('Frame 1 of 36');
  });
});

describe('counts, plurals and lists through Intl', () => {
  it('agree in English: 1 problem, 2 problems, and a list with its “and”', () => {
    expect(en.fileProblems('a.json', 1)).toBe('a.json is not a worksheet this app can open (1 problem):');
    expect(en.fileProblems('a.json', 2)).toBe('a.json is not a worksheet this app can open (2 problems):');
    expect(en.editorInvalid(1)).toBe('1 problem: the sheet shows the last valid version until it is fixed.');
    expect(en.editorInvalid(3)).toBe('3 problems: the sheet shows the last valid version until they are fixed.');
    expect(en.quizSubmitConfirm(1)).toMatch(/^1 question is not answered/);
    expect(en.quizSubmitConfirm(2)).toMatch(/^2 questions are not answered/);
    expect(en.handoutFillIn(1)).toBe('Work out every empty box, by hand, to 1 decimal.');
    expect(en.handoutFillIn(0)).toBe('Work out every empty box, by hand, to 0 decimals.');
    expect(en.trainClassWrong([1, 2, 3], 4)).toBe('argmax y_t is wrong at steps 1, 2, and 3 of 4: not classified yet.');
    expect(en.trainClassWrong([2], 4)).toBe('argmax y_t is wrong at step 2 of 4: not classified yet.');
    expect(en.answerKeyCopied(1234, 'csv')).toBe('Copied the answer key: 1,234 values, as CSV.');
  });

  it('count in Chinese with one form for every number and list with 、 and 和', () => {
    expect(zh.fileProblems('a.json', 1)).toBe('a.json 不是本应用能打开的练习单（1 个问题）：');
    expect(zh.fileProblems('a.json', 2)).toBe('a.json 不是本应用能打开的练习单（2 个问题）：');
    expect(zh.captionSum(['A h₀', 'B x₁', 'b'], 'a₁', '[1, 2]')).toBe('把 A h₀、B x₁和b 相加，得到 a₁ = [1, 2]。');
    expect(zh.answerKeyCopied(1234, 'csv')).toBe('已复制答案：1,234 个值，格式为 CSV。');
  });

  it('take each language’s own plural categories: English has two, Chinese one', () => {
    const english = wording('en');
    const chinese = wording('zh');
    const forms = { one: 'one', other: 'other' };
    expect([0, 1, 2].map((n) => english.agree(n, forms))).toEqual(['other', 'one', 'other']);
    expect([0, 1, 2].map((n) => chinese.agree(n, forms))).toEqual(['other', 'other', 'other']);
  });
});
