// Under a step's gradients, what the step adds to each weight's gradient (shares.ts): its share,
// ∂L/∂a_t v_{t−lag}ᵀ, as a grid, and beside it the shares so far added up, going back from T, so
// that the sum at the first step is the gradient in the totals. The frames that work out a weight's
// gradient (Σ_t …) are what adds the shares, so an entry's shares are shown once its frame has been
// (in practice, once the student has that entry right) and light up while it is being worked.
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { slotKey } from '../../core/records/records';
import { sharePlaces, type StepShare, type WeightShares } from '../../core/records/shares';
import { quantityTex, type Sheet } from '../../core/records/tex';
import { cellStatus } from '../../store/practice';
import { selectPracticeContext, selectView, showsRightAnswers, type WorksheetState } from '../../store/worksheetStore';
import { messages } from '../messages/messages';
import { paramText } from '../common/quantityText';
import { useWorksheet } from '../common/storeContext';
import { Tex } from '../common/Tex';
import { practiceDisplay, SheetCell } from './SheetCell';

export const StepShares = memo(function StepShares({
  weights,
  t,
  sheet,
}: {
  weights: readonly WeightShares[];
  t: number;
  sheet: Sheet;
}) {
  // drawn after the frame that shows the rest of the sheet: a slider dragged on the gradient plot
  // redraws the sheet every frame, and the shares (as many numbers again on a GRU) follow it
  const drawn = useAfterPaint(useMemo(() => ({ weights, sheet }), [weights, sheet]));
  return <StepSharesNow weights={drawn.weights} t={t} sheet={drawn.sheet} />;
});

/** The value as it was, until the frame that shows what changed with it has been painted. */
function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (shown === value) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // a task queued from the next frame's callback runs after that frame is painted
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => startTransition(() => setShown(value)))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}

const StepSharesNow = memo(function StepSharesNow({
  weights,
  t,
  sheet,
}: {
  weights: readonly WeightShares[];
  t: number;
  sheet: Sheet;
}) {
  const here = weights.flatMap((w) => {
    const step = w.steps.find((s) => s.t === t);
    return step ? [{ w, step }] : [];
  });
  if (here.length === 0) return null;
  return (
    <div className="sheet-row gradients shares" role="group" aria-label={messages.stepSharesLabel(t)}>
      {here.map(({ w, step }) => (
        <WeightShare key={w.q} shares={w} step={step} sheet={sheet} />
      ))}
    </div>
  );
});

function WeightShare({ shares, step, sheet }: { shares: WeightShares; step: StepShare; sheet: Sheet }) {
  const { model, records } = sheet;
  const { q, d, v, rows, cols } = shares;
  const lag = v.lag ?? 0;
  // the record that works out each entry of the gradient, row after row
  const entries = useMemo(
    () => Array.from({ length: rows * cols }, (_v, k) => records.find(q, 0, Math.floor(k / cols), k % cols) as number),
    [records, q, rows, cols],
  );
  const looks = useWorksheet((s) => entryLooks(s, q, entries, cols)).split(' ');
  // in practice and a quiz, a weight's shares come once one of its entries is worked: before,
  // rows of boxes no one can type into read as questions
  const practising = useWorksheet((s) => s.mode !== 'walkthrough');
  const places = useMemo(() => sharePlaces(model, shares), [model, shares]);
  const weightName = paramText(model, q.slice(2));
  const cell = (name: string, values: Float64Array, k: number, lit: boolean) => {
    const look = looks[k] as string;
    const whole = messages.shareCellPlace(weightName, step.t, name.startsWith('sum:'));
    return (
      <SheetCell
        key={k}
        q={name}
        t={step.t}
        i={Math.floor(k / cols)}
        j={k % cols}
        record={undefined}
        value={values[k] as number}
        decimals={places}
        exact={model.carry === 'exact'}
        practising={false}
        shown={look !== 'hidden'}
        role={lit && look === 'read' ? 'read' : 'none'}
        place={messages.cellAtRowColumn(whole, Math.floor(k / cols) + 1, (k % cols) + 1)}
      />
    );
  };
  if (practising && looks.every((look) => look === 'hidden')) return null;
  const grid = { gridTemplateColumns: `repeat(${cols}, var(--gradient-cell-width))` };
  const weight = q.slice(2);
  // the sum starts at the last step with a share: T, or the last the loss reads
  const first = shares.steps[0]?.t ?? model.T;
  const product = (at: number | undefined) =>
    `${quantityTex(model, d.q, at)}\\,${quantityTex(model, v.q, at, lag)}^{\\top}`;
  return (
    <div
      className="share-pair"
      role="group"
      aria-label={messages.weightShareLabel(paramText(model, weight), step.t, first)}
    >
      <div className="block gradient-matrix share">
        <span className="block-head">
          <Tex tex={product(step.t)} />
        </span>
        <div className="gradient-grid" style={grid}>
          {entries.map((_n, k) => cell(`share:${q}`, step.share, k, true))}
        </div>
      </div>
      {step.t < first && (
        <div className="block gradient-matrix share-sum">
          <span className="block-head">
            <Tex tex={`\\sum_{t=${step.t}}^{${first}} ${product(undefined)}`} />
          </span>
          <div className="gradient-grid" style={grid}>
            {entries.map((_n, k) => cell(`sum:${q}`, step.sum, k, false))}
          </div>
        </div>
      )}
    </div>
  );
}

type EntryLook = 'hidden' | 'shown' | 'read';

/**
 * For each entry of gradient q, whether its shares are shown, and lit as read by the frame being
 * shown; one string, so that the block re-renders only when one of them changes.
 */
function entryLooks(s: WorksheetState, q: string, entries: readonly number[], cols: number): string {
  const view = selectView(s);
  const look = (n: number, k: number): EntryLook => {
    if (!entryWorked(s, n)) return 'hidden';
    return view.current.has(slotKey(q, 0, Math.floor(k / cols), k % cols)) ? 'read' : 'shown';
  };
  return entries.map(look).join(' ');
}

/** The walkthrough has shown record n; in practice, the student has it right (or it is given). */
function entryWorked(s: WorksheetState, n: number): boolean {
  if (s.mode === 'walkthrough') return n <= selectView(s).lastVisible;
  const ctx = selectPracticeContext(s);
  if (!ctx) return false;
  if (practiceDisplay(s, n) === 'shown' || showsRightAnswers(s)) return true;
  if (!ctx.isInput.has(n)) return false;
  const kind = cellStatus(ctx, n).kind;
  return kind === 'right' || kind === 'revealed';
}
