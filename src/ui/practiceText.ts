// The words for an answer's status and the slip behind a wrong one, from the message catalogue.
import type { Mistake } from '../core/mistakes';
import type { CellStatus } from '../store/practice';
import { messages } from './messages';

/** @param row  the cell's own row (0-based), for "this cell takes row …" */
export function statusMessage(status: CellStatus, text: string, row: number): string {
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
      return status.mistake ? mistakeMessage(status.mistake, row) : messages.statusWrong;
  }
}

export function mistakeMessage(m: Mistake, row: number): string {
  switch (m.kind) {
    case 'wrongRow':
      return messages.mistakes.wrongRow(m.row + 1, row + 1);
    default:
      return messages.mistakes[m.kind];
  }
}
