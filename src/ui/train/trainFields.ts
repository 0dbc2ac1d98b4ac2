// What the learning-rate and step fields accept; anything else is a message saying what is wrong,
// and the text stays as typed.
import { parseAnswer } from '../../core/practice/answer';
import { messages } from '../messages/messages';

export const MAX_STEPS = 10_000;

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** η: any number greater than 0 (−0.1, 0,1 and .1 are read as the sheet's answers are). */
export function parseEta(text: string): Parsed {
  const parsed = parseAnswer(text);
  if (!parsed.ok)
    return {
      ok: false,
      message: parsed.reason === 'empty' ? messages.trainEtaEmpty : messages.trainEtaNotANumber(text.trim()),
    };
  if (!(parsed.value > 0) || !Number.isFinite(parsed.value))
    return { ok: false, message: messages.trainEtaNotPositive(text.trim()) };
  return { ok: true, value: parsed.value };
}

/** N: a whole number of steps from 1 to MAX_STEPS. */
export function parseSteps(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: messages.trainStepsEmpty(MAX_STEPS) };
  if (!/^\+?\d+$/.test(trimmed) || Number(trimmed) < 1)
    return { ok: false, message: messages.trainStepsBad(trimmed, MAX_STEPS) };
  const value = Number(trimmed);
  if (value > MAX_STEPS) return { ok: false, message: messages.trainStepsTooMany(trimmed, MAX_STEPS) };
  return { ok: true, value };
}
