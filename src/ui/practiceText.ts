// The words for an answer's status and the slip behind a wrong one, from the message catalogue.
import type { Mistake } from '../core/mistakes';
import type { Model } from '../core/worksheet';
import type { CellStatus } from '../store/practice';
import { messages } from './messages';
import { cellText } from './quantityText';

/** @param row  the cell's own row (0-based), for "this cell takes row …" */
export function statusMessage(status: CellStatus, text: string, row: number, model: Model): string {
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
      return status.mistake ? mistakeMessage(status.mistake, row, model) : messages.statusWrong;
  }
}

export function mistakeMessage(m: Mistake, row: number, model: Model): string {
  switch (m.kind) {
    case 'fromOwnAnswers':
      return messages.mistakes.fromOwnAnswers(
        m.cells.map((c) => cellText(model, c.q, c.t, c.i)),
        m.rounded,
      );
    case 'beforeActivation':
      return messages.mistakes.beforeActivation(messages.functionNames[m.fn] ?? m.fn);
    case 'wrongRow':
      return messages.mistakes.wrongRow(m.row + 1, row + 1, m.alsoTransposed);
    default:
      return messages.mistakes[m.kind];
  }
}
