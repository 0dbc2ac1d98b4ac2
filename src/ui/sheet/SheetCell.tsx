// One number on the sheet. Its block tells it what to show (see cellLook.ts), so a step re-renders
// only the cells whose look changes. In practice and in a quiz, a number the student works out is
// an answer cell instead, which looks itself up in the student's progress.
import { memo } from 'react';
import { parseAnswer } from '../../core/practice/answer';
import { slotKey } from '../../core/records/records';
import { cellStatus, type PracticeContext } from '../../store/practice';
import { selectPracticeContext, showsRightAnswers, type WorksheetState } from '../../store/worksheetStore';
import { displayNumber } from '../common/displayNumber';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';
import { AnswerCell } from './AnswerCell';
import { cellRole, placement, type Placement, type Role } from './cellLook';

interface Props extends Placement {
  q: string;
  t: number;
  i: number;
  j?: number | undefined;
  /** the record that writes it; undefined for a given (a parameter, an input, h₀) */
  record: number | undefined;
  value: number;
  decimals: number;
  /** the full-precision value is worth showing on hover (exact carry) */
  exact: boolean;
  /** for a parameter drawn in every step's panel: the panel's step, so only the current one lights up */
  panel?: number | undefined;
  /**
   * for a copy of a vector drawn above a product's matrix: that product, so the copy lights up only
   * while its product is being worked out (and the vector's own column lights up for every other read)
   */
  copyFor?: string | undefined;
  /** practice or a quiz: a worked-out number is the student's to write */
  practising: boolean;
  /** as the block found it for the current frame (a worked-out number in practice finds its own) */
  shown: boolean;
  role: Role;
  /** where the number is, in words (cellPlace): a screen reader names the cell by it */
  place: string;
}

export const SheetCell = memo(function SheetCell(props: Props) {
  const { record, copyFor, practising } = props;
  if (!practising || record === undefined) return <WalkthroughCell {...props} />;
  if (copyFor === undefined) return <PracticeCell {...props} record={record} />;
  return <CopyCell {...props} record={record} copyFor={copyFor} />;
});

/** A worked-out number in practice or a quiz: an answer cell, or a value given or kept hidden. */
function PracticeCell(props: Props & { record: number }) {
  // the role only matters for a cell that is not the student's: an answer cell finds its own
  const look = useWorksheet((s) => {
    const shown = practiceDisplay(s, props.record);
    return shown === 'input' ? shown : `${shown} ${cellRole(s, slotKey(props.q, props.t, props.i, props.j))}`;
  });
  const [shown, role] = look.split(' ') as ['input' | 'shown' | 'hidden', Role];
  const placed = placement(props);
  if (shown === 'input') return <AnswerCell {...props} />;
  return (
    <span
      className={`sheet-cell ${shown === 'hidden' ? 'hidden not-asked' : shown} role-${role}${placed.className}`}
      style={placed.style}
      data-role={role === 'none' ? undefined : role}
      data-q={props.q}
      data-t={props.t}
      data-i={props.i}
      {...named(props.place, shown === 'shown' ? displayNumber(props.value, props.decimals) : '')}
    >
      {shown === 'shown' ? displayNumber(props.value, props.decimals) : ''}
    </span>
  );
}

/**
 * How a worked-out number appears in practice or a quiz: for the student to write; given (a quiz
 * asking one step shows the steps before it; a handed-in quiz shows everything); or hidden.
 */
export function practiceDisplay(s: WorksheetState, n: number): 'input' | 'shown' | 'hidden' {
  const ctx = selectPracticeContext(s);
  if (!ctx) return 'hidden';
  if (ctx.isInput.has(n)) return 'input';
  // the gradients are worked from the forward numbers: practising or asked them, those are given
  if (ctx.records.phase(n) === 'forward' && asksGradients(ctx)) return 'shown';
  if (s.mode !== 'quiz' || !s.quiz) return 'hidden';
  if (s.progress.quiz?.submitted) return 'shown';
  const t = ctx.records.t(n);
  return s.quiz.settings.ask === 'step' && t >= 1 && t < s.quiz.settings.step ? 'shown' : 'hidden';
}

function asksGradients(ctx: PracticeContext): boolean {
  const first = ctx.inputs[0];
  return first !== undefined && ctx.records.phase(first) === 'backward';
}

/**
 * The copy of a worked-out vector above a matrix: what the student wrote for it, written as the
 * sheet writes numbers (or the value, where given). A copy of an answer that is not right yet is
 * marked, so that a cell worked from it is not taken for the sheet's own number.
 */
function CopyCell(props: Props & { record: number; copyFor: string }) {
  const shown = useWorksheet(
    (s) =>
      `${cellRole(s, slotKey(props.q, props.t, props.i), undefined, props.copyFor)}|${copyShown(s, props.record, props.decimals)}`,
  );
  const [role, state, text = ''] = shown.split('|') as [Role, CopyState, string?];
  const placed = placement(props);
  return (
    <span
      className={`sheet-cell copy ${text ? 'shown' : 'hidden'} role-${role}${state === 'wrong' ? ' copy-wrong' : ''}${placed.className}`}
      style={placed.style}
      data-role={role === 'none' ? undefined : role}
      data-q={props.q}
      data-t={props.t}
      data-i={props.i}
      data-copy-for={props.copyFor}
      {...named(props.place, text && state === 'wrong' ? messages.copyOfWrong(text) : text)}
    >
      {text}
    </span>
  );
}

type CopyState = 'given' | 'own' | 'wrong';

/** What a copy shows, as "state|text" (a string, so the cell re-renders only when it changes). */
function copyShown(s: WorksheetState, n: number, decimals: number): `${CopyState}|${string}` {
  const shown = practiceDisplay(s, n);
  const ctx = selectPracticeContext(s);
  if (shown === 'hidden' || !ctx) return 'own|';
  if (shown === 'shown' || showsRightAnswers(s)) return `given|${displayNumber(ctx.records.value(n), decimals)}`;
  const entry = s.progress.cells[ctx.records.slot(n)];
  const parsed = entry?.checked ? parseAnswer(entry.text) : null;
  if (!parsed?.ok) return 'own|';
  return `${cellStatus(ctx, n).kind === 'wrong' ? 'wrong' : 'own'}|${displayNumber(parsed.value, decimals)}`;
}

/** A number as the walkthrough shows it, or a given one in practice: shown or still empty, lit or not. */
function WalkthroughCell({ q, t, i, j, value, decimals, exact, shown, role, place, ...at }: Props) {
  const placed = placement(at);
  return (
    <span
      className={`sheet-cell ${shown ? 'shown' : 'hidden'} role-${role}${placed.className}`}
      style={placed.style}
      data-q={q}
      data-t={t}
      data-i={i}
      data-j={j}
      data-role={role === 'none' ? undefined : role}
      title={shown && exact ? String(value) : undefined}
      {...named(place, shown ? displayNumber(value, decimals) : '')}
    >
      {shown ? displayNumber(value, decimals) : ''}
    </span>
  );
}

/**
 * A number's name for a screen reader, where it is and what it holds ("h₂, row 1: 17"), which
 * its text alone (17) does not say. A span may carry a name only with a role: "img", as the
 * number is read whole, its text never in pieces.
 */
function named(place: string, text: string): { role: 'img'; 'aria-label': string } {
  return { role: 'img', 'aria-label': messages.cellNamed(place, text || messages.emptyCell) };
}
