// The stepping controls: frame and time-step buttons, the granularity, and an overview of the
// unrolled sequence that shows the current step and jumps to any other.
import { selectFrames, selectSheet, stepOf, type WorksheetState } from '../../store/worksheetStore';
import { useRef } from 'react';
import { Icon, type IconName } from '../common/Icon';
import { RadioChoice } from '../common/RadioChoice';
import { PassChoice } from '../common/PassChoice';
import { useCurrentInStrip } from '../common/scrollIntoStrip';
import { messages } from '../messages/messages';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import './Controls.css';

export function Controls() {
  const store = useWorksheetStore();
  const frame = useWorksheet((s) => s.frame);
  const count = useWorksheet((s) => selectFrames(s).length);
  const granularity = useWorksheet((s) => s.granularity);
  const act = (f: (s: WorksheetState) => void) => () => f(store.getState());
  const buttons: [IconName, string, () => void][] = [
    ['first', messages.first, act((s) => s.first())],
    ['previousStep', messages.previousStep, act((s) => s.previousStep())],
    ['previous', messages.previous, act((s) => s.previous())],
    ['next', messages.next, act((s) => s.next())],
    ['nextStep', messages.nextStep, act((s) => s.nextStep())],
    ['last', messages.last, act((s) => s.last())],
  ];
  return (
    <nav className="controls" aria-label={messages.controlsLabel}>
      <div className="buttons">
        {buttons.map(([icon, label, onClick]) => (
          <button key={icon} type="button" aria-label={label} title={label} onClick={onClick}>
            <Icon name={icon} />
          </button>
        ))}
        <span className="counter" aria-live="off">
          {messages.frameCounter(frame + 1, count)}
        </span>
      </div>
      <RadioChoice
        className="granularity"
        legend={messages.granularityLabel}
        name="granularity"
        options={[
          ['number', messages.granularityNumber],
          ['vector', messages.granularityVector],
        ]}
        value={granularity}
        onChange={(g) => store.getState().setGranularity(g)}
      />
      <DirectionChoice />
      <Overview />
    </nav>
  );
}

/** Forward through the steps, or backward through their gradients (a worksheet with a loss has both). */
function DirectionChoice() {
  return (
    <PassChoice
      className="granularity direction"
      name="direction"
      legend={messages.directionLabel}
      forward={messages.directionForward}
      backward={messages.directionBackward}
    />
  );
}

function Overview() {
  const store = useWorksheetStore();
  const T = useWorksheet((s) => {
    const sheet = selectSheet(s);
    return sheet.ok ? sheet.sheet.model.T : 0;
  });
  const current = useWorksheet((s) => stepOf(s, s.frame));
  const strip = useRef<HTMLOListElement>(null);
  useCurrentInStrip(strip, '[aria-current]', current);
  return (
    <ol className="overview" aria-label={messages.overviewLabel} ref={strip}>
      {Array.from({ length: T }, (_v, k) => k + 1).map((t) => (
        <li key={t}>
          <button
            type="button"
            aria-current={t === current ? 'step' : undefined}
            className={t < current ? 'done' : t === current ? 'current' : ''}
            onClick={() => store.getState().goToStep(t)}
          >
            {messages.overviewStep(t)}
          </button>
        </li>
      ))}
    </ol>
  );
}
