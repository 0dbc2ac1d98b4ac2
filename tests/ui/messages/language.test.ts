// Which language a visit opens in, and how the choice is kept and travels in links.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETTINGS } from '../../../src/core/practice/quiz';
import { createPreferenceStorage, LANGUAGE_KEY } from '../../../src/store/preferenceStorage';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { parseHash } from '../../../src/ui/app/url';
import {
  browserLanguage,
  chooseLanguage,
  openingLanguage,
  takeLanguage,
  withLanguage,
} from '../../../src/ui/messages/language';
import { quizHash } from '../../../src/ui/quiz/quizLink';
import { FakeStorage } from '../../helpers/fakeStorage';

describe('the language of a first visit', () => {
  it('follows the browser: the first of its languages the app has, Chinese of any region as zh', () => {
    expect(browserLanguage(['zh-CN', 'en-US'])).toBe('zh');
    expect(browserLanguage(['zh-Hant-TW'])).toBe('zh');
    expect(browserLanguage(['ZH'])).toBe('zh');
    expect(browserLanguage(['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(browserLanguage(['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(browserLanguage(['fr-FR', 'de'])).toBeNull();
    expect(chooseLanguage({ link: null, kept: null, browser: ['fr-FR'] })).toBe('en');
  });

  it('is the link’s where it names one, else the one chosen before, else the browser’s', () => {
    expect(chooseLanguage({ link: 'zh', kept: 'en', browser: ['en'] })).toBe('zh');
    expect(chooseLanguage({ link: null, kept: 'en', browser: ['zh-CN'] })).toBe('en');
    expect(chooseLanguage({ link: null, kept: 'zh', browser: ['en'] })).toBe('zh');
    // a language the app does not have, in the link or kept, is passed over
    expect(chooseLanguage({ link: 'fr', kept: 'xx', browser: ['zh-CN'] })).toBe('zh');
  });
});

describe('the language chosen', () => {
  it('is kept in localStorage by the store and read on the next visit, over the browser’s', () => {
    const storage = new FakeStorage();
    const preferences = createPreferenceStorage(() => storage);
    const store = createWorksheetStore('rnn-by-hand', { preferences, language: 'en' });
    store.getState().setLanguage('zh');
    expect(store.getState().language).toBe('zh');
    expect(storage.getItem(LANGUAGE_KEY)).toBe('zh');
    expect(openingLanguage('#/rnn-by-hand/1', preferences, ['en-US'])).toBe('zh');
  });

  it('lasts for the page where the browser keeps nothing or refuses to', () => {
    const full = new FakeStorage(0);
    const refusing = createPreferenceStorage(() => full);
    const store = createWorksheetStore('rnn-by-hand', { preferences: refusing, language: 'en' });
    store.getState().setLanguage('zh');
    expect(store.getState().language).toBe('zh');
    // held by the page, not by the full storage: the next visit chooses afresh
    expect(refusing.readLanguage()).toBe('zh');
    expect(full.getItem(LANGUAGE_KEY)).toBeNull();
    expect(createPreferenceStorage(() => full).readLanguage()).toBeNull();
    const forbidden = createPreferenceStorage(() => {
      throw new DOMException('no storage here', 'SecurityError');
    });
    expect(forbidden.readLanguage()).toBeNull();
    expect(() => forbidden.keepLanguage('zh')).not.toThrow();
  });

  it('is taken from a link that names it, and kept as the user’s choice', () => {
    const storage = new FakeStorage();
    const preferences = createPreferenceStorage(() => storage);
    preferences.keepLanguage('en');
    expect(openingLanguage('#/rnn-by-hand/3?lang=zh', preferences, ['en'])).toBe('zh');
    expect(storage.getItem(LANGUAGE_KEY)).toBe('zh');
  });

  it('is a store preference that opening another sheet, a quiz or the home page leaves alone', () => {
    const store = createWorksheetStore('rnn-by-hand', { language: 'zh' });
    store.getState().open('elman-ciao');
    store.getState().startQuiz(DEFAULT_QUIZ_SETTINGS, 'abc', 'title');
    store.getState().goHome();
    expect(store.getState().language).toBe('zh');
    expect(createWorksheetStore('rnn-by-hand').getState().language).toBe('en');
  });
});

describe('lang= in a link', () => {
  it('is named after whatever else the link asks, and only for a language other than English', () => {
    expect(withLanguage('#/share/abc', 'zh')).toBe('#/share/abc?lang=zh');
    expect(withLanguage('#/quiz?cell=lstm&seed=k3', 'zh')).toBe('#/quiz?cell=lstm&seed=k3&lang=zh');
    expect(withLanguage('#/quiz?cell=lstm', 'en')).toBe('#/quiz?cell=lstm');
    expect(quizHash(DEFAULT_QUIZ_SETTINGS, 'k3x9', 'zh')).toMatch(/^#\/quiz\?.*seed=k3x9&lang=zh$/);
  });

  it('is read from any place in the query, and the rest of the link is left as it was', () => {
    expect(takeLanguage('#/rnn-by-hand/3?lang=zh')).toEqual({ hash: '#/rnn-by-hand/3', language: 'zh' });
    expect(takeLanguage('#/elman-ciao/3?lang=zh&input=hello')).toEqual({
      hash: '#/elman-ciao/3?input=hello',
      language: 'zh',
    });
    expect(takeLanguage('#/share/abc/backward/4?lang=zh')).toEqual({ hash: '#/share/abc/backward/4', language: 'zh' });
    expect(takeLanguage('#/rnn-by-hand/3')).toEqual({ hash: '#/rnn-by-hand/3', language: null });
  });

  it('leaves the place a link names as it was without it: a quiz’s settings, a sheet’s frame and input', () => {
    const quiz = quizHash(DEFAULT_QUIZ_SETTINGS, 'k3x9');
    expect(parseHash(withLanguage(quiz, 'zh'))).toEqual(parseHash(quiz));
    expect(parseHash('#/elman-ciao/3?input=hello&lang=zh')).toEqual(parseHash('#/elman-ciao/3?input=hello'));
    expect(parseHash('#/?lang=zh')).toEqual({ kind: 'home' });
    expect(parseHash('#/share/abc/2?lang=zh')).toEqual(parseHash('#/share/abc/2'));
  });
});
