// A cell the student fills in: typed text is saved as it is typed, checked on Enter or on leaving
// the cell, and marked right, wrong (with the slip, where one is recognised) or not a number.
import { useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { slotKey } from '../../core/records/records';
import { MAX_ANSWER_LENGTH } from '../../store/persist';
import { cellStatus, isDone, nextToFill, type CellStatus } from '../../store/practice';
import { selectPracticeContext, showsRightAnswers, type WorksheetState } from '../../store/worksheetStore';
import { displayWritten } from '../common/displayNumber';
import { messages } from '../messages/messages';
import { statusMessage } from '../practice/practiceText';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { focusSlot, nearestInDirection, type Direction } from './answerNavigation';
import { keepFocusedCellInView } from './keepInView';
import { cellRole, placement, type Placement } from './cellLook';

interface Props extends Placement {
  q: string;
  t: number;
  i: number;
  /** a matrix gradient's column: each entry is a cell of its own */
  j?: number | undefined;
  record: number;
  /** where the number is, in words (cellPlace) */
  place: string;
}

/** The key that asks for the next hint from inside a cell (never part of a number). */
export const HINT_KEY = '?';

export function AnswerCell({ q, t, i, j, record, place, ...at }: Props) {
  const store = useWorksheetStore();
  const slot = slotKey(q, t, i, j);
  // one subscription for all the cell shows: a sheet has thousands of these cells, and each
  // subscription is asked again on every keystroke anywhere
  const { typed, checked, right, status, role, locked, message } = useWorksheet(
    useShallow((s) => ({
      typed: s.progress.cells[slot]?.text ?? '',
      checked: s.progress.cells[slot]?.checked ?? false,
      right: showsRightAnswers(s) ? rightText(s, record) : null,
      status: statusKey(s, record),
      role: cellRole(s, slot),
      locked: s.mode === 'quiz' && (s.progress.quiz?.submitted ?? false),
      message: messageOf(s, record),
    })),
  );
  const [hasFocus, setHasFocus] = useState(false);
  const kind = status.split(':')[0] as CellStatus['kind'];
  const placed = placement(at);

  const moveToNext = () => {
    const s = store.getState();
    const ctx = selectPracticeContext(s);
    if (!ctx) return;
    const n = nextToFill(ctx, ctx.inputs.indexOf(record));
    const r = n === null ? undefined : ctx.records.get(n);
    if (r) focusSlot(slotKey(r.q, r.t, r.i, r.j));
  };
  const moveInOrder = (step: 1 | -1): boolean => {
    const ctx = selectPracticeContext(store.getState());
    const k = ctx ? ctx.inputs.indexOf(record) + step : -1;
    const r = ctx?.records.get(ctx.inputs[k] ?? -1);
    return r ? focusSlot(slotKey(r.q, r.t, r.i, r.j)) : false;
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    if (e.key === 'Enter') {
      e.preventDefault();
      store.getState().checkAnswer(slot);
      const ctx = selectPracticeContext(store.getState());
      const now = ctx ? cellStatus(ctx, record) : null;
      // a wrong answer, or one that is not a number, keeps the student here with its message
      if (now && (now.kind === 'answered' || isDone(now) || (now.kind === 'blank' && store.getState().mode === 'quiz')))
        moveToNext();
      // what was turned down stays, selected: the next keystroke starts the answer afresh ("abc", then 3, is 3)
      else if (now && rejected(now.kind)) input.select();
      return;
    }
    if (e.key === HINT_KEY && store.getState().mode === 'practice') {
      e.preventDefault();
      if (kind !== 'right') store.getState().nextHint(slot);
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
      className={`sheet-cell answer-cell status-${kind} role-${role}${right === null ? '' : ' shows-right'}${placed.className}`}
      style={placed.style}
      data-q={q}
      data-t={t}
      data-i={i}
      data-role={role === 'none' ? undefined : role}
      data-status={kind}
      // what the cell says stays on hover once the student has moved on
      title={message && !hasFocus ? message : undefined}
    >
      <input
        type="text"
        className="answer"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_ANSWER_LENGTH}
        data-slot={slot}
        aria-label={messages.answerCellLabel(place, t)}
        aria-invalid={kind === 'invalid' || kind === 'wrong' ? true : undefined}
        aria-describedby={message && hasFocus ? `msg-${slot}` : undefined}
        readOnly={kind === 'revealed' || locked}
        // checked and left, a number is written the sheet's way (−11 for a typed -11); the saved text is as typed
        value={right ?? (checked && !hasFocus ? sheetsMinus(typed) : typed)}
        onChange={(e) => store.getState().typeAnswer(slot, e.target.value)}
        onFocus={(e) => {
          setHasFocus(true);
          if (rejected(kind)) e.currentTarget.select();
          store.getState().focusCell(slot);
          // once the outlines of what it reads are drawn
          requestAnimationFrame(keepFocusedCellInView);
        }}
        onBlur={() => {
          setHasFocus(false);
          store.getState().checkAnswer(slot);
        }}
        onKeyDown={onKeyDown}
      />
      {message && hasFocus && <CellMessage id={`msg-${slot}`} text={message} />}
    </span>
  );
}

/**
 * The message beside the cell being worked on. It is placed in the viewport (position: fixed), so
 * the scrolling sheet never cuts it off, below the cell or above it where there is no room, and
 * lets clicks through to the cells it covers.
 */
function CellMessage({ id, text }: { id: string; text: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    const cell = box?.parentElement;
    if (!box || !cell) return;
    const place = () => {
      const c = cell.getBoundingClientRect();
      const width = box.offsetWidth;
      const height = box.offsetHeight;
      const below = c.bottom + 4 + height <= window.innerHeight;
      box.style.top = `${below ? c.bottom + 4 : Math.max(4, c.top - 4 - height)}px`;
      box.style.left = `${Math.max(4, Math.min(c.left, window.innerWidth - width - 4))}px`;
    };
    // each frame while it is up: a scroll, a resize or the pinned panel growing all move the cell
    let frame = requestAnimationFrame(function follow() {
      place();
      frame = requestAnimationFrame(follow);
    });
    place();
    return () => cancelAnimationFrame(frame);
  }, [text]);
  return (
    <span ref={ref} className="cell-message" id={id} role="status">
      {text}
    </span>
  );
}

/** A status whose text was turned down: not a number, or not right. */
const rejected = (kind: CellStatus['kind']) => kind === 'invalid' || kind === 'wrong';

/** A typed hyphen-minus (or en dash) before a number, as the sheet writes its minus. */
const sheetsMinus = (text: string) => text.replace(/^(\s*)[-\u2013]/, '$1\u2212');

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The status as a string, so the cell re-renders only when it changes. */
function statusKey(s: WorksheetState, n: number): string {
  const ctx = selectPracticeContext(s);
  if (!ctx) return 'blank';
  const status = cellStatus(ctx, n);
  return status.kind === 'wrong' ? `wrong:${JSON.stringify(status.mistake)}` : status.kind;
}

/** The sheet's own value of record n, written as the sheet writes it (a handed-in quiz showing the right answers). */
function rightText(s: WorksheetState, n: number): string | null {
  const ctx = selectPracticeContext(s);
  return ctx ? displayWritten(ctx.sheet.model, ctx.records.q(n), ctx.records.value(n)) : null;
}

/** What the cell itself says: only a refusal or a recognised slip (the panel says the rest). */
function messageOf(s: WorksheetState, n: number): string | null {
  const ctx = selectPracticeContext(s);
  if (!ctx) return null;
  const status = cellStatus(ctx, n);
  if (status.kind === 'invalid' || (status.kind === 'wrong' && status.mistake))
    return statusMessage(
      status,
      s.progress.cells[ctx.records.slot(n)]?.text ?? '',
      ctx.records.i(n),
      ctx.sheet,
      ctx.mode === 'practice',
    );
  return null;
}
