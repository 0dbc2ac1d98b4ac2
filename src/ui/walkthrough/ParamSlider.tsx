// A parameter the student moves: a slider, and beside it the value typed in a field. A typed value
// that is empty, not a number or out of range stays as typed with a message saying what is wrong,
// and the sheet stays at the last valid value.
import { useId, useState } from 'react';
import { parseAnswer } from '../../core/practice/answer';
import { displayNumber } from '../common/displayNumber';
import { messages } from '../messages/messages';

interface Props {
  label: string;
  /** the name the field's own label and message give the value (W_h, the scale) */
  name: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** places the value is written with in the field */
  decimals: number;
  onChange(value: number): void;
}

export function ParamSlider({ label, name, value, min, max, step, decimals, onChange }: Props) {
  const id = useId();
  // what is in the field when it is not the value itself: text being typed, or a bad value kept
  const [typed, setTyped] = useState<string | null>(null);
  const [shownValue, setShownValue] = useState(value);
  // moved from outside (the slider, a reset, another word): the field shows the new value
  if (shownValue !== value) {
    setShownValue(value);
    if (typed !== null && !typedIs(typed, value)) setTyped(null);
  }
  const written = (v: number) => displayNumber(v, decimals);
  const problem = typed === null ? null : typedProblem(typed, min, max, `${name} = ${written(value)}`);
  return (
    <div className="param-slider">
      <label htmlFor={`${id}-range`}>{label}</label>
      <div className="param-slider-row">
        <input
          id={`${id}-range`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={clamp(value, min, max)}
          onChange={(e) => {
            setTyped(null);
            onChange(Number(e.target.value));
          }}
        />
        <input
          type="text"
          inputMode="decimal"
          className="param-slider-typed"
          aria-label={messages.gradientTyped(name)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          spellCheck={false}
          autoComplete="off"
          value={typed ?? written(value)}
          onChange={(e) => {
            const text = e.target.value;
            setTyped(text);
            const parsed = parseAnswer(text);
            if (parsed.ok && parsed.value >= min && parsed.value <= max) onChange(parsed.value);
          }}
        />
      </div>
      {problem && (
        <p id={`${id}-problem`} className="param-slider-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** What is wrong with the typed text, or null if it is a value in range. */
function typedProblem(text: string, min: number, max: number, kept: string): string | null {
  const [lo, hi] = [displayNumber(min, 0), displayNumber(max, 0)];
  const parsed = parseAnswer(text);
  if (!parsed.ok)
    return parsed.reason === 'empty'
      ? messages.gradientInputEmpty(lo, hi, kept)
      : messages.gradientInputNotANumber(text.trim(), lo, hi, kept);
  if (parsed.value < min || parsed.value > max) return messages.gradientInputOutOfRange(text.trim(), lo, hi, kept);
  return null;
}

function typedIs(text: string, value: number): boolean {
  const parsed = parseAnswer(text);
  return parsed.ok && parsed.value === value;
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
