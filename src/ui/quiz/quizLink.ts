// Quiz links: #/quiz?cell=…&seed=…, and fresh seeds from the browser's random source.
import { formatQuizQuery, type QuizSettings } from '../../core/practice/quiz';
import { randomSeed } from '../../core/practice/random';
import { DEFAULT_LANGUAGE, withLanguage } from '../messages/language';
import { messages } from '../messages/messages';

const SEED_BYTES = 8;

/** The quiz's address; a link handed to a class names its language, so that it opens in it. */
export function quizHash(settings: QuizSettings, seed: string, language = DEFAULT_LANGUAGE): string {
  return withLanguage(`#/quiz?${formatQuizQuery(settings, seed)}`, language);
}

export function freshSeed(): string {
  return randomSeed(crypto.getRandomValues(new Uint8Array(SEED_BYTES)));
}

/** The sheet's title for a quiz, in the catalogue's words. */
export function quizTitle(settings: QuizSettings, seed: string): string {
  const cell = messages.quizCellNames[settings.cell] ?? settings.cell;
  return messages.quizTitle(cell, settings.H, settings.I, settings.T, seed);
}
