// Beside the sheet in practice: the cell the student is at, how their answer stands, the hint
// ladder, "follow my numbers", progress per step, and resetting the sheet (with undo).
import { useState } from 'react';
import { slotKey } from '../../core/records/records';
import { withValue } from '../../core/records/recordTable';
import { recordTex, type Sheet } from '../../core/records/tex';
import { HINT_RUNGS } from '../../store/persist';
import { cellStatus, checkLookup, expectedValue, progressCounts, type PracticeContext } from '../../store/practice';
import { selectFocusRecord, selectPracticeContext } from '../../store/worksheetStore';
import { PassChoice } from '../common/PassChoice';
import { messages } from '../messages/messages';
import { statusMessage } from './practiceText';
import { cellText } from '../common/quantityText';
import { HINT_KEY } from '../sheet/AnswerCell';
import { focusFirstToFill, focusSlot } from '../sheet/answerNavigation';
import { usePinnedPanel } from '../sheet/keepInView';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { StorageNotices } from '../common/StorageNotices';
import { Tex } from '../common/Tex';
import './PracticePanel.css';

export function PracticePanel() {
  const pinned = usePinnedPanel<HTMLElement>();
  return (
    <section ref={pinned} className="practice-panel pinned-panel" aria-label={messages.modePractice}>
      <p className="practice-intro">{messages.practiceIntro}</p>
      <PassChoiceOfPractice />
      <StorageNotices />
      <CellHelp />
      <div className="practice-bar">
        <Progress />
        <Follow />
        <Reset quiz={false} />
      </div>
    </section>
  );
}

/** The cell the student is at: its status, the slip if one is recognised, and the hint ladder. */
function CellHelp() {
  const store = useWorksheetStore();
  const n = useWorksheet(selectFocusRecord);
  const ctx = useWorksheet(selectPracticeContext);
  if (!ctx || n === null) return <p className="cell-help">{messages.noCellChosen}</p>;
  const r = ctx.records.at(n);
  const slot = slotKey(r.q, r.t, r.i, r.j);
  const entry = ctx.progress.cells[slot];
  const hints = entry?.hints ?? 0;
  const status = cellStatus(ctx, n);
  const quizOpen = ctx.mode === 'quiz' && !(ctx.progress.quiz?.submitted ?? false);
  return (
    <div className="cell-help" aria-live="polite">
      <p>
        <strong>{messages.cellTitle(cellText(ctx.sheet.model, r.q, r.t, r.i, r.j))}</strong>{' '}
        <span className={`status status-${status.kind}`}>
          {statusMessage(status, entry?.text ?? '', r.i, ctx.sheet, ctx.mode === 'practice')}
        </span>
      </p>
      {!quizOpen && ctx.mode === 'practice' && (
        <>
          <HintRungs ctx={ctx} n={n} hints={hints} />
          {hints < HINT_RUNGS && status.kind !== 'right' && (
            <p>
              <button
                type="button"
                className="hint-button"
                // the cell keeps the student's place: back to it once the hint is shown
                onClick={() => {
                  store.getState().nextHint(slot);
                  focusSlot(slot);
                }}
              >
                {hints + 1 === HINT_RUNGS ? messages.revealButton : messages.hintButton(hints + 1, HINT_RUNGS)}
              </button>{' '}
              <span className="hint-key">{messages.hintKey(HINT_KEY)}</span>
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** The rungs reached so far: the equation, the operands outlined, the numbers, the answer. */
export function HintRungs({ ctx, n, hints }: { ctx: PracticeContext; n: number; hints: number }) {
  if (hints === 0) return null;
  // the numbers as carried, so that the student can redo the sum the sheet does
  const tex = recordTex(hintSheet(ctx, n), n, true);
  const rungs = messages.hintRungs;
  return (
    <ol className="hint-rungs" aria-label={messages.hintHeading}>
      <li>
        <span className="rung-name">{rungs[0]}</span> <Tex tex={tex.symbolic} />
      </li>
      {hints >= 2 && <li className="rung-name">{rungs[1]}</li>}
      {hints >= 3 && (
        <li>
          <span className="rung-name">{rungs[2]}</span> <Tex tex={tex.substituted} />
        </li>
      )}
      {hints >= 4 && (
        <li>
          <span className="rung-name">{rungs[3]}</span> <Tex tex={tex.result} />
        </li>
      )}
    </ol>
  );
}

/**
 * The sheet the hints are worked on: with "follow my numbers" on, the student's own earlier
 * answers go into the equation, and its result is what they imply.
 */
function hintSheet(ctx: PracticeContext, n: number): Sheet {
  if (!ctx.progress.follow) return ctx.sheet;
  return {
    model: ctx.sheet.model,
    records: withValue(ctx.records, n, expectedValue(ctx, n)),
    value: checkLookup(ctx),
  };
}

/** Which pass is practised: the walkthrough's, so a student who walked the gradients practises them next. */
function PassChoiceOfPractice() {
  // the cells of the other pass are drawn next; ResumePractice then puts the student in one
  return (
    <PassChoice
      className="practice-pass"
      name="practice-pass"
      legend={messages.practicePass}
      forward={messages.practicePassForward}
      backward={messages.practicePassBackward}
    />
  );
}

function Progress() {
  const ctx = useWorksheet(selectPracticeContext);
  const backward = useWorksheet((s) => s.mode === 'practice' && s.direction === 'backward');
  if (!ctx) return null;
  const stepText = backward ? messages.progressStepBackward : messages.progressStep;
  const stepLabel = backward ? messages.progressStepBackwardLabel : messages.progressStepLabel;
  const counts = progressCounts(ctx);
  const firstOpen = (t: number) => {
    const n = ctx.inputs.find((k) => ctx.records.get(k)?.t === t && cellStatus(ctx, k).kind !== 'right');
    const r = ctx.records.get(n ?? ctx.inputs.find((k) => ctx.records.get(k)?.t === t) ?? -1);
    if (r) focusSlot(slotKey(r.q, r.t, r.i, r.j));
  };
  return (
    <div className="progress" aria-label={messages.progressLabel}>
      <p className="progress-total">
        {counts.done === counts.total ? messages.allDone : messages.progressDone(counts.done, counts.total)}
        {counts.revealed > 0 && messages.progressRevealed(counts.revealed)}
        {messages.progressEnd}
      </p>
      <ol className="progress-steps">
        {counts.steps.map((s) => (
          <li key={s.t}>
            <button
              type="button"
              className={s.done === s.total ? 'done' : ''}
              title={stepLabel(s.t, s.done, s.total)}
              onClick={() => firstOpen(s.t)}
            >
              {stepText(s.t, s.done, s.total)}
              <span className="bar" style={{ width: `${(100 * s.done) / Math.max(1, s.total)}%` }} />
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Follow() {
  const store = useWorksheetStore();
  const follow = useWorksheet((s) => s.progress.follow);
  return (
    <div className="follow">
      <label>
        <input type="checkbox" checked={follow} onChange={(e) => store.getState().setFollow(e.target.checked)} />{' '}
        {messages.follow}
      </label>
      <p className="follow-state">{follow ? messages.followOn : messages.followOff}</p>
    </div>
  );
}

/** Reset asks first, and can be undone until the page is left. */
export function Reset({ quiz }: { quiz: boolean }) {
  const store = useWorksheetStore();
  const canUndo = useWorksheet((s) => s.undo !== null);
  const [asking, setAsking] = useState(false);
  if (canUndo)
    return (
      <p className="reset" role="status">
        {messages.resetDone}{' '}
        <button
          type="button"
          onClick={() => {
            store.getState().undoReset();
            focusFirstToFill(store.getState(), true);
          }}
        >
          {messages.undoReset}
        </button>
      </p>
    );
  if (asking)
    return (
      <div className="reset" role="alertdialog" aria-label={quiz ? messages.resetQuizConfirm : messages.resetConfirm}>
        <p>{quiz ? messages.resetQuizConfirm : messages.resetConfirm}</p>
        <button
          type="button"
          onClick={() => {
            store.getState().resetProgress();
            setAsking(false);
            focusFirstToFill(store.getState());
          }}
        >
          {messages.resetYes}
        </button>{' '}
        <button type="button" autoFocus onClick={() => setAsking(false)}>
          {messages.resetNo}
        </button>
      </div>
    );
  return (
    <p className="reset">
      <button type="button" onClick={() => setAsking(true)}>
        {quiz ? messages.resetQuiz : messages.reset}
      </button>
    </p>
  );
}
