// The training step and the training run, under the walkthrough of a worksheet with a loss: one
// update W ← W − η ∂L/∂W written out per parameter, or N of them in a worker with the loss curve.
// Either way the new numbers go into the sheet through the store's setParams, so the sheet is the
// worksheet with those numbers; the original ones are kept here for the way back.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Model, WorksheetFile } from '../../core/format/worksheet';
import {
  allFinite,
  classification,
  lossAndGrads,
  paramsAsFile,
  randomParams,
  trainableParams,
  trainStep,
  withParams,
  type FileParam,
  type StepResult,
} from '../../core/train/train';
import { selectSheet } from '../../store/worksheetStore';
import { startTraining, type Training } from '../../store/trainWorker';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { messages } from '../messages/messages';
import { LossCurve } from './LossCurve';
import { StepUpdates } from './StepUpdates';
import { parseEta, parseSteps } from './trainFields';
import { numberText } from './updateTex';
import './TrainPanel.css';

/** The seed of the random start: fixed, so every student (and every test) starts alike. */
export const RANDOM_SEED = '1';

export function TrainPanel() {
  const worksheetId = useWorksheet((s) => s.worksheetId);
  const computed = useWorksheet(selectSheet);
  if (!computed.ok || computed.sheet.model.loss === null) return null;
  return <TrainSection key={worksheetId ?? ''} model={computed.sheet.model} />;
}

interface StepShown {
  readonly eta: number;
  readonly before: Model;
  readonly step: StepResult;
  readonly lossAfter: number;
  /** false: a parameter overflowed, and the sheet kept its numbers */
  readonly applied: boolean;
}

interface RunShown {
  readonly total: number;
  readonly done: number;
  readonly losses: readonly number[];
  readonly status: 'running' | 'trained' | 'cancelled' | 'failed';
  /** stopped early, before a step that would overflow */
  readonly diverged?: boolean;
  readonly message?: string;
}

function TrainSection({ model }: { model: Model }) {
  const store = useWorksheetStore();
  const [original, setOriginal] = useState<Record<string, FileParam> | null>(null);
  const [etaText, setEtaText] = useState('0.1');
  const [stepsText, setStepsText] = useState('2000');
  const [etaProblem, setEtaProblem] = useState<string | null>(null);
  const [stepsProblem, setStepsProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<StepShown | null>(null);
  const [run, setRun] = useState<RunShown | null>(null);
  const [randomStarted, setRandomStarted] = useState(false);
  const training = useRef<Training | null>(null);
  useEffect(() => () => training.current?.cancel(), []);
  // a run is stopped when the walkthrough is left (the panel stays, hidden): its numbers would
  // otherwise land on the sheet the student is practising on, under answers kept for the old ones
  const walking = useWorksheet((s) => s.mode === 'walkthrough');
  useEffect(() => {
    if (!walking) training.current?.cancel();
  }, [walking]);
  const running = run?.status === 'running';

  /** Puts new numbers into the sheet, remembering the first ones for the way back. */
  const apply = (params: Readonly<Record<string, FileParam>>) => {
    setOriginal((o) => o ?? paramsAsFile(trainableParams(model)));
    store.getState().setParams(params);
  };
  const readEta = () => {
    const eta = parseEta(etaText);
    setEtaProblem(eta.ok ? null : eta.message);
    return eta.ok ? eta.value : null;
  };

  const takeStep = () => {
    const eta = readEta();
    if (eta === null) return;
    const step = trainStep(model, eta);
    if (!step) return;
    setRun(null);
    // a worksheet cannot hold ±∞: the sheet keeps its numbers and the panel says why
    if (!allFinite(step.params)) {
      setShown({ eta, before: model, step, lossAfter: Number.NaN, applied: false });
      return;
    }
    const after = lossAndGrads(withParams(model, step.params));
    setShown({ eta, before: model, step, lossAfter: after?.loss ?? Number.NaN, applied: true });
    apply(paramsAsFile(step.params));
  };

  const train = () => {
    const eta = readEta();
    const steps = parseSteps(stepsText);
    setStepsProblem(steps.ok ? null : steps.message);
    if (eta === null || !steps.ok) return;
    const total = steps.value;
    setShown(null);
    setRun({ total, done: 0, losses: [], status: 'running' });
    const t = startTraining(
      { file: store.getState().file, eta, steps: total },
      { onProgress: (done, losses) => setRun({ total, done, losses, status: 'running' }) },
    );
    training.current = t;
    void t.result.then((outcome) => {
      if (training.current !== t) return;
      training.current = null;
      if (outcome.kind === 'trained') {
        const done = outcome.losses.length - 1;
        setRun({ total, done, losses: outcome.losses, status: 'trained', diverged: outcome.diverged });
        // numbers on their way to ±∞ teach nothing on the sheet: it keeps its own, as on Cancel
        if (!outcome.diverged) apply(outcome.params);
      } else if (outcome.kind === 'failed')
        setRun((r) => ({ ...(r ?? { total, done: 0, losses: [] }), status: 'failed', message: outcome.message }));
      else setRun((r) => ({ ...(r ?? { total, done: 0, losses: [] }), status: 'cancelled' }));
    });
  };

  const startRandom = () => {
    apply(paramsAsFile(randomParams(model, RANDOM_SEED)));
    setShown(null);
    setRun(null);
    setRandomStarted(true);
  };

  const undo = () => {
    if (original) store.getState().setParams(original);
    setOriginal(null);
    setShown(null);
    setRun(null);
    setRandomStarted(false);
  };

  const keep = () => {
    const file = store.getState().file as WorksheetFile;
    store.getState().openFile({ ...file, title: messages.trainedTitle(file.title ?? model.title) });
  };

  return (
    <section className="train-panel" aria-labelledby="train-heading">
      <h2 id="train-heading">{messages.trainHeading}</h2>
      <p className="train-intro">{messages.trainIntro}</p>
      {model.carry === 'rounded' && <p className="train-note">{messages.trainRoundedNote(model.decimals)}</p>}
      <div className="train-fields">
        <NumberField
          id="train-eta"
          label={messages.trainEta}
          value={etaText}
          problem={etaProblem}
          onChange={setEtaText}
        />
        <button type="button" onClick={takeStep} disabled={running}>
          {messages.trainStepButton}
        </button>
        <NumberField
          id="train-steps"
          label={messages.trainSteps}
          value={stepsText}
          problem={stepsProblem}
          onChange={setStepsText}
        />
        <button type="button" onClick={train} disabled={running}>
          {messages.trainButton}
        </button>
      </div>
      <div className="train-actions">
        <button type="button" onClick={startRandom} disabled={running}>
          {messages.trainRandomStart(RANDOM_SEED)}
        </button>
        {original && (
          <button type="button" onClick={undo} disabled={running}>
            {messages.trainUndo}
          </button>
        )}
        {original && (
          <button type="button" onClick={keep} disabled={running}>
            {messages.trainKeep}
          </button>
        )}
      </div>
      {randomStarted && !shown && !run && <p role="status">{messages.trainRandomStarted(RANDOM_SEED)}</p>}
      {shown && <StepShownView shown={shown} />}
      {run && <RunView run={run} onCancel={() => training.current?.cancel()} />}
      {original && <ClassificationLine model={model} />}
    </section>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: string;
  problem: string | null;
  onChange: (text: string) => void;
}) {
  return (
    <span className="train-field">
      <label htmlFor={props.id}>{props.label}</label>{' '}
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        value={props.value}
        aria-invalid={props.problem !== null}
        aria-describedby={props.problem ? `${props.id}-problem` : undefined}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problem && (
        <span id={`${props.id}-problem`} className="problem" role="alert">
          {props.problem}
        </span>
      )}
    </span>
  );
}

function StepShownView({ shown }: { shown: StepShown }) {
  return (
    <div className="train-step">
      <p className="train-loss" role="status">
        {shown.applied
          ? messages.trainLossWent(numberText(shown.step.loss), numberText(shown.lossAfter))
          : messages.trainOverflow}
      </p>
      <StepUpdates model={shown.before} step={shown.step} eta={shown.eta} />
    </div>
  );
}

function RunView({ run, onCancel }: { run: RunShown; onCancel: () => void }) {
  const first = run.losses[0];
  const last = run.losses[run.losses.length - 1];
  return (
    <div className="train-run">
      {run.status === 'running' && (
        <p className="train-progress" role="status">
          <label>
            {messages.trainProgress(run.done, run.total)} <progress max={run.total} value={run.done} />
          </label>{' '}
          <button type="button" onClick={onCancel}>
            {messages.trainCancel}
          </button>
        </p>
      )}
      {run.status === 'trained' && first !== undefined && last !== undefined && (
        <p className="train-loss" role="status">
          {run.diverged
            ? messages.trainDiverged(run.done)
            : messages.trainLossAfter(run.total, numberText(first), numberText(last))}
        </p>
      )}
      {run.status === 'cancelled' && <p role="status">{messages.trainCancelled(run.done)}</p>}
      {run.status === 'failed' && <p role="alert">{messages.trainFailed(run.message ?? '')}</p>}
      <LossCurve losses={run.losses} steps={run.total} />
    </div>
  );
}

function ClassificationLine({ model }: { model: Model }) {
  const result = useMemo(() => classification(model), [model]);
  if (!result) return null;
  const wrong = result.right.filter((r) => !r.right).map((r) => r.t);
  return (
    <p className={`train-class ${wrong.length === 0 ? 'right' : 'wrong'}`} role="status">
      {wrong.length === 0
        ? messages.trainClassRight(result.right.length)
        : messages.trainClassWrong(wrong, result.right.length)}
    </p>
  );
}
