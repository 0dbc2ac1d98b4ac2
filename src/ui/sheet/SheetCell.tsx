// One number on the sheet. It subscribes to its own state (hidden until its frame, being written,
// being read), so a step re-renders only the cells whose state changes. In practice and in a
// quiz, a number the student works out is an answer cell instead.
import { memo } from 'react';
import { parseAnswer } from '../../core/practice/answer';
import { slotKey } from '../../core/records/records';
import { cellStatus } from '../../store/practice';
import { selectPracticeContext, selectView, showsRightAnswers, type WorksheetState } from '../../store/worksheetStore';
import { displayNumber } from '../common/displayNumber';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';
import { AnswerCell } from './AnswerCell';

interface Props {
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
}

export const SheetCell = memo(function SheetCell(props: Props) {
  const practising = useWorksheet((s) => s.mode !== 'walkthrough');
  const { record, q, t, i, copyFor } = props;
  if (!practising || record === undefined) return <WalkthroughCell {...props} />;
  if (copyFor === undefined) return <PracticeCell {...props} record={record} />;
  return <CopyCell q={q} t={t} i={i} record={record} decimals={props.decimals} copyFor={copyFor} />;
});

/** Whether a cell is being written, is read by what is being written, or neither. */
export function cellRole(
  s: WorksheetState,
  key: string,
  panel?: number,
  copyFor?: string,
): 'current' | 'read' | 'none' {
  const view = selectView(s);
  // a product reads its vector from the copy above its matrix; the matrix's own cells (which
  // carry their panel) light up in that panel; a vector's own column lights up for other reads
  const inPlace = copyFor !== undefined ? copyFor === view.q : panel !== undefined || view.op !== 'matvec';
  const read = view.reads.has(key) && inPlace && (panel === undefined || panel === view.step);
  return view.current.has(key) ? 'current' : read ? 'read' : 'none';
}

/** A worked-out number in practice or a quiz: an answer cell, or a value given or kept hidden. */
function PracticeCell(props: Props & { record: number }) {
  const shown = useWorksheet((s) => practiceDisplay(s, props.record));
  const role = useWorksheet((s) => cellRole(s, slotKey(props.q, props.t, props.i)));
  if (shown === 'input') return <AnswerCell q={props.q} t={props.t} i={props.i} record={props.record} />;
  return (
    <span
      className={`sheet-cell ${shown === 'hidden' ? 'hidden not-asked' : shown} role-${role}`}
      data-role={role === 'none' ? undefined : role}
      data-q={props.q}
      data-t={props.t}
      data-i={props.i}
      aria-label={shown === 'shown' ? undefined : messages.emptyCell}
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
  if (s.mode !== 'quiz' || !s.quiz) return 'hidden';
  if (s.progress.quiz?.submitted) return 'shown';
  const t = ctx.records.t(n);
  return s.quiz.settings.ask === 'step' && t >= 1 && t < s.quiz.settings.step ? 'shown' : 'hidden';
}

/**
 * The copy of a worked-out vector above a matrix: what the student wrote for it, written as the
 * sheet writes numbers (or the value, where given). A copy of an answer that is not right yet is
 * marked, so that a cell worked from it is not taken for the sheet's own number.
 */
function CopyCell(props: { q: string; t: number; i: number; record: number; decimals: number; copyFor: string }) {
  const shown = useWorksheet((s) => copyShown(s, props.record, props.decimals));
  const role = useWorksheet((s) => cellRole(s, slotKey(props.q, props.t, props.i), undefined, props.copyFor));
  const [state, text = ''] = shown.split('|') as [CopyState, string?];
  return (
    <span
      className={`sheet-cell copy ${text ? 'shown' : 'hidden'} role-${role}${state === 'wrong' ? ' copy-wrong' : ''}`}
      data-role={role === 'none' ? undefined : role}
      data-q={props.q}
      data-t={props.t}
      data-i={props.i}
      data-copy-for={props.copyFor}
      aria-label={text ? (state === 'wrong' ? messages.copyOfWrong(text) : undefined) : messages.emptyCell}
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

const WalkthroughCell = memo(function WalkthroughCell({
  q,
  t,
  i,
  j,
  record,
  value,
  decimals,
  exact,
  panel,
  copyFor,
}: Props) {
  const key = slotKey(q, t, i, j);
  const state = useWorksheet((s) => {
    const visible = record === undefined || record <= selectView(s).lastVisible;
    return `${visible ? 'shown' : 'hidden'} ${cellRole(s, key, panel, copyFor)}`;
  });
  const [visibility, role] = state.split(' ') as ['shown' | 'hidden', 'current' | 'read' | 'none'];
  const shown = visibility === 'shown';
  const text = shown ? displayNumber(value, decimals) : '';
  return (
    <span
      className={`sheet-cell ${visibility} role-${role}`}
      data-q={q}
      data-t={t}
      data-i={i}
      data-j={j}
      data-role={role === 'none' ? undefined : role}
      title={shown && exact ? String(value) : undefined}
      aria-label={shown ? undefined : messages.emptyCell}
    >
      {text}
    </span>
  );
});
