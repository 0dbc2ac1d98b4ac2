// Beside the quiz sheet: the rules, a countdown where there is a time limit, handing in, and
// afterwards the score with every question's worked solution and a way to a fresh quiz.
import { useEffect, useRef, useState } from 'react';
import { slotKey } from '../../core/records/records';
import { recordTex } from '../../core/records/tex';
import { cellStatus, quizScore, workedSteps, type PracticeContext } from '../../store/practice';
import { selectPracticeContext } from '../../store/worksheetStore';
import { frameCaption } from '../walkthrough/captions';
import { messages } from '../messages/messages';
import { RadioChoice } from '../common/RadioChoice';
import { Reset } from '../practice/PracticePanel';
import { usePinnedPanel } from '../sheet/keepInView';
import { cellText } from '../common/quantityText';
import { freshSeed, quizHash } from './quizLink';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { StorageNotices } from '../common/StorageNotices';
import { Tex } from '../common/Tex';
import '../practice/PracticePanel.css';

export function QuizPanel() {
  const ctx = useWorksheet(selectPracticeContext);
  const quiz = useWorksheet((s) => s.quiz);
  const submitted = useWorksheet((s) => s.progress.quiz?.submitted ?? false);
  const language = useWorksheet((s) => s.language);
  const pinned = usePinnedPanel<HTMLElement>();
  if (!ctx || !quiz) return null;
  const answered = ctx.inputs.filter((n) => cellStatus(ctx, n).kind === 'answered').length;
  return (
    <section ref={pinned} className={`quiz-panel${submitted ? '' : ' pinned-panel'}`} aria-label={messages.newQuiz}>
      <StorageNotices />
      {!submitted ? (
        <>
          <p>{messages.quizRules(ctx.inputs.length, ctx.sheet.model.decimals)}</p>
          {quiz.settings.ask === 'gradients' && <p>{messages.quizGradientNote}</p>}
          <p className="quiz-status">
            {messages.quizAnswered(answered, ctx.inputs.length)} <Countdown />
          </p>
          <HandIn open={ctx.inputs.length - answered} />
        </>
      ) : (
        <Results ctx={ctx} />
      )}
      <p className="quiz-links">
        <a href={quizHash(quiz.settings, quiz.seed, language)}>{messages.quizShareLink}</a>{' '}
        <button type="button" onClick={() => (window.location.hash = quizHash(quiz.settings, freshSeed()))}>
          {messages.quizTryNew}
        </button>
      </p>
      <Reset quiz />
    </section>
  );
}

/** Hands the quiz in; with questions still open (blank, or not a number) it asks first. */
function HandIn({ open }: { open: number }) {
  const store = useWorksheetStore();
  const [asking, setAsking] = useState(false);
  const submit = () => store.getState().submitQuiz();
  if (asking && open > 0)
    return (
      <div className="hand-in-confirm" role="alertdialog" aria-label={messages.quizSubmitConfirm(open)}>
        <p>{messages.quizSubmitConfirm(open)}</p>
        <button type="button" onClick={submit}>
          {messages.quizSubmitYes}
        </button>{' '}
        <button type="button" autoFocus onClick={() => setAsking(false)}>
          {messages.quizSubmitNo}
        </button>
      </div>
    );
  return (
    <p>
      <button type="button" className="hand-in" onClick={() => (open > 0 ? setAsking(true) : submit())}>
        {messages.quizSubmit}
      </button>
    </p>
  );
}

/** Time left, counted down each second; at zero the quiz hands itself in. */
function Countdown() {
  const store = useWorksheetStore();
  const deadline = useWorksheet((s) =>
    s.quiz && s.quiz.settings.limit > 0 && s.progress.quiz
      ? s.progress.quiz.startedAt + s.quiz.settings.limit * 60_000
      : null,
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= deadline) store.getState().submitQuiz(true);
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [deadline, store]);
  if (deadline === null) return null;
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <span className="countdown" role="timer" aria-live="off">
      · {messages.quizTimeLeft(time)}
    </span>
  );
}

function Results({ ctx }: { ctx: PracticeContext }) {
  const { right, total } = quizScore(ctx);
  const timedOut = useWorksheet((s) => s.progress.quiz?.timeUp ?? false);
  const top = useRef<HTMLDivElement>(null);
  // handed in from low on the sheet, the score would be far above the window
  useEffect(() => top.current?.scrollIntoView?.({ block: 'start' }), []);
  return (
    <>
      <div ref={top} />
      {timedOut && <p role="status">{messages.quizTimeUp}</p>}
      <p className="quiz-score" role="status">
        <strong>{messages.quizScore(right, total)}</strong>
      </p>
      <SheetShows />
      <details className="solutions" open>
        <summary>{messages.quizSolutions}</summary>
        <ol>
          {ctx.inputs.map((n) => (
            <Solution key={n} ctx={ctx} n={n} />
          ))}
        </ol>
      </details>
    </>
  );
}

/** After hand-in: the sheet shows the student's answers, or the right ones in their place. */
function SheetShows() {
  const store = useWorksheetStore();
  const shows = useWorksheet((s) => s.quizSheetShows);
  return (
    <RadioChoice
      className="sheet-shows"
      legend={messages.quizSheetShows}
      name="sheet-shows"
      options={[
        ['mine', messages.quizSheetShowsMine],
        ['right', messages.quizSheetShowsRight],
      ]}
      value={shows}
      onChange={(v) => store.getState().setQuizSheetShows(v)}
    />
  );
}

/** One question: right or wrong, the walkthrough's caption for it, and its equations from what the sheet gave. */
function Solution({ ctx, n }: { ctx: PracticeContext; n: number }) {
  const r = ctx.records.at(n);
  const given = ctx.progress.cells[slotKey(r.q, r.t, r.i, r.j)]?.text.trim() ?? '';
  const right = cellStatus(ctx, n).kind === 'right';
  return (
    <li className={right ? 'right' : 'wrong'}>
      <p>
        <strong>{cellText(ctx.sheet.model, r.q, r.t, r.i, r.j)}</strong>:{' '}
        {right ? messages.quizQuestionRight : messages.quizQuestionWrong(given)}
      </p>
      <p className="caption">{frameCaption(ctx.sheet, ctx.records, { first: n, last: n })}</p>
      {workedSteps(ctx, n).map((m) => {
        const tex = recordTex(ctx.sheet, m);
        return (
          <div className={`equation${m === n ? '' : ' working'}`} key={m}>
            <Tex tex={tex.symbolic} /> <Tex tex={tex.substituted} /> <Tex tex={tex.result} />
          </div>
        );
      })}
    </li>
  );
}
