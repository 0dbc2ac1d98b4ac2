// A cell the student fills in: typed text is saved as it is typed, checked on Enter or on leaving
// the cell, and marked right, wrong (with the slip, where one is recognised) or not a number.
import { useWorksheet, useWorksheetStore } from '../storeContext';
import { slotKey } from '../../core/records';
import { MAX_ANSWER_LENGTH } from '../../store/persist';
import { cellStatus, isDone, nextToFill, type CellStatus } from '../../store/practice';
import { selectPracticeContext, selectSheet } from '../../store/worksheetStore';
import { messages } from '../messages';
import { cellText } from '../quantityText';
import { statusMessage } from '../practiceText';
import { focusSlot, nearestInDirection, type Direction } from './answerNavigation';
import { cellRole } from './SheetCell';

interface Props {
  q: string;
  t: number;
  i: number;
  record: number;
}

export function AnswerCell({ q, t, i, record }: Props) {
  const store = useWorksheetStore();
  const slot = slotKey(q, t, i);
  const text = useWorksheet((s) => s.progress.cells[slot]?.text ?? '');
  const status = useWorksheet((s) => statusKey(s, record));
  const focused = useWorksheet((s) => s.progress.focus === slot);
  const role = useWorksheet((s) => cellRole(s, slot));
  const name = useWorksheet((s) => {
    const sheet = selectSheet(s);
    return sheet.ok ? cellText(sheet.sheet.model, q, t, i) : '';
  });
  const locked = useWorksheet((s) => s.mode === 'quiz' && (s.progress.quiz?.submitted ?? false));
  const kind = status.split(':')[0] as CellStatus['kind'];
  const message = focused ? messageOf(store.getState(), record) : null;

  const moveToNext = () => {
    const s = store.getState();
    const ctx = selectPracticeContext(s);
    if (!ctx) return;
    const n = nextToFill(ctx, ctx.inputs.indexOf(record));
    const r = n === null ? undefined : ctx.records[n];
    if (r) focusSlot(slotKey(r.q, r.t, r.i));
  };
  const moveInOrder = (step: 1 | -1): boolean => {
    const ctx = selectPracticeContext(store.getState());
    const k = ctx ? ctx.inputs.indexOf(record) + step : -1;
    const r = ctx?.records[ctx.inputs[k] ?? -1];
    return r ? focusSlot(slotKey(r.q, r.t, r.i)) : false;
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    if (e.key === 'Enter') {
      e.preventDefault();
      store.getState().checkAnswer(slot);
      const s = store.getState();
      const ctx = selectPracticeContext(s);
      // a wrong answer keeps the student here, with its message and the hints beside it
      if (ctx && (s.mode === 'quiz' || isDone(cellStatus(ctx, record)))) moveToNext();
      return;
    }
    if (e.key === 'Tab') {
      if (moveInOrder(e.shiftKey ? -1 : 1)) e.preventDefault();
      return;
    }
    const direction = ARROWS[e.key];
    if (!direction || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    // left and right move the caret within the text first, as in a spreadsheet cell being edited
    const caret = input.selectionStart ?? 0;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (!whole && direction === 'left' && caret > 0) return;
    if (!whole && direction === 'right' && (input.selectionEnd ?? 0) < input.value.length) return;
    const target = nearestInDirection(input, direction);
    if (target) {
      e.preventDefault();
      target.focus();
      target.select();
    }
  };

  return (
    <span
      className={`sheet-cell answer-cell status-${kind} role-${role}`}
      data-q={q}
      data-t={t}
      data-i={i}
      data-role={role === 'none' ? undefined : role}
      data-status={kind}
    >
      <input
        type="text"
        className="answer"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_ANSWER_LENGTH}
        data-slot={slot}
        aria-label={messages.answerLabel(name)}
        aria-invalid={kind === 'invalid' || kind === 'wrong' ? true : undefined}
        aria-describedby={message ? `msg-${slot}` : undefined}
        readOnly={kind === 'revealed' || locked}
        value={text}
        onChange={(e) => store.getState().typeAnswer(slot, e.target.value)}
        onFocus={() => store.getState().focusCell(slot)}
        onBlur={() => store.getState().checkAnswer(slot)}
        onKeyDown={onKeyDown}
      />
      {message && (
        <span className="cell-message" id={`msg-${slot}`} role="status">
          {message}
        </span>
      )}
    </span>
  );
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The status as a string, so the cell re-renders only when it changes. */
function statusKey(s: Parameters<typeof selectPracticeContext>[0], n: number): string {
  const ctx = selectPracticeContext(s);
  if (!ctx) return 'blank';
  const status = cellStatus(ctx, n);
  return status.kind === 'wrong' ? `wrong:${JSON.stringify(status.mistake)}` : status.kind;
}

/** What the cell itself says: only a refusal or a recognised slip (the panel says the rest). */
function messageOf(s: Parameters<typeof selectPracticeContext>[0], n: number): string | null {
  const ctx = selectPracticeContext(s);
  if (!ctx) return null;
  const status = cellStatus(ctx, n);
  const r = ctx.records[n];
  if (status.kind === 'invalid' || (status.kind === 'wrong' && status.mistake))
    return statusMessage(status, r ? (s.progress.cells[slotKey(r.q, r.t, r.i)]?.text ?? '') : '', r?.i ?? 0);
  return null;
}
