// The words for an answer's status and the slip behind a wrong one, from the message catalogue.
import type { Mistake } from '../../core/practice/mistakes';
import { EXTRA_PLACES, writtenDecimals } from '../../core/engine/carry';
import type { Sheet } from '../../core/records/tex';
import { displayNumber } from '../common/displayNumber';
import type { CellStatus } from '../../store/practice';
import { messages } from '../messages/messages';
import { cellText } from '../common/quantityText';

/** @param row  the cell's own row (0-based), for "this cell takes row …" */
/** @param canFollow  "follow my numbers" is there to tick (practice, not a quiz) */
export function statusMessage(status: CellStatus, text: string, row: number, sheet: Sheet, canFollow = true): string {
  switch (status.kind) {
    case 'blank':
      return messages.statusBlank;
    case 'typing':
      return messages.statusTyping;
    case 'invalid':
      return messages.notANumber(text.trim());
    case 'answered':
      return messages.statusAnswered;
    case 'right':
      return messages.statusRight;
    case 'revealed':
      return messages.statusRevealed;
    case 'wrong':
      return status.mistake ? mistakeMessage(status.mistake, row, sheet, canFollow) : messages.statusWrong;
  }
}

export function mistakeMessage(m: Mistake, row: number, sheet: Sheet, canFollow = true): string {
  const { model } = sheet;
  switch (m.kind) {
    case 'fromOwnAnswers':
      return messages.mistakes.fromOwnAnswers(
        m.cells.map((c) => cellText(model, c.q, c.t, c.i)),
        m.rounded,
        m.cells.map((c) => messages.valueOf(cellText(model, c.q, c.t, c.i), carriedText(sheet, c.q, c.t, c.i))),
        model.decimals,
        canFollow,
      );
    case 'keptInFull':
      return messages.mistakes.keptInFull(m.places);
    case 'missingTerm':
      return messages.mistakes.missingTerm(cellText(model, m.cell.q, m.cell.t, m.cell.i));
    case 'beforeActivation':
      return messages.mistakes.beforeActivation(messages.functionNames[m.fn] ?? messages.theActivation);
    case 'wrongRow':
      return messages.mistakes.wrongRow(m.row + 1, row + 1, m.alsoTransposed);
    case 'tanhForgotten':
      return messages.backwardMistakes.tanhForgotten(m.alone);
    case 'derivativeLeftOut':
      return messages.backwardMistakes.derivativeLeftOut(messages.functionNames[m.fn] ?? messages.theActivation);
    case 'derivativeAtInput':
    case 'derivativeAsFunction':
      // worded per function: the derivative's formula differs, not only its name
      return messages.backwardMistakes[m.kind](m.fn === 'tanh' ? 'tanh' : 'sigmoid');
    case 'recurrentLeftOut':
    case 'notTransposed':
    case 'targetMinusOutput':
      return messages.backwardMistakes[m.kind];
    default:
      return messages.mistakes[m.kind];
  }
}

/** A value as the sheet carries it: with exact carry, with more places than it shows. */
function carriedText(sheet: Sheet, q: string, t: number, i: number): string {
  const { model } = sheet;
  const v = sheet.value(q, t, i);
  return displayNumber(v, model.carry === 'exact' ? model.decimals + EXTRA_PLACES : writtenDecimals(model, q, v));
}
