// Exploding and vanishing: the size of ∂L/∂h_t against t on a log scale, for any worksheet with a
// loss, with sliders on the recurrence (a scalar W_h set outright, else every hidden-to-hidden
// matrix scaled; the LSTM's forget bias shifted) that recompute the sheet as they move, the
// closed form where the model's shape has one, and another worksheet's curve to compare with.
import { useMemo, useState } from 'react';
import type { CellKind, WorksheetFile } from '../../core/format/worksheet';
import {
  closedFormGradient,
  forgetBiasShift,
  hiddenGradientNorms,
  recurrenceScale,
  resetChanges,
  scalarClosedForm,
  scaleRecurrence,
  shiftForgetBias,
  type FileParams,
  type ScalarClosedForm,
} from '../../core/records/gradientNorms';
import { paramTex } from '../../core/records/tex';
import type { Model } from '../../core/format/worksheet';
import { builtInFile, computeSheet } from '../../store/sheet';
import { selectSheet, type WorksheetState } from '../../store/worksheetStore';
import { BUILT_IN_WORKSHEETS, findBuiltIn } from '../../worksheets';
import { displayNumber, displayWritten } from '../common/displayNumber';
import { paramText } from '../common/quantityText';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { Tex } from '../common/Tex';
import { messages } from '../messages/messages';
import { builtInTitle } from '../common/worksheetTitle';
import { decadeText, labelledDecades, logAxis, logPosition, type LogAxis } from './logScale';
import { ParamSlider } from './ParamSlider';
import './GradientPlot.css';

/** The slider of a scalar W_h, and the scale's and forget bias's (the ranges). */
const VALUE_RANGE = { min: -6, max: 6, step: 0.1, decimals: 1 };
const SCALE_RANGE = { min: 0, max: 3, step: 0.05, decimals: 2 };
const FORGET_RANGE = { min: -5, max: 5, step: 0.1, decimals: 1 };

export function GradientPlot() {
  const hasLoss = useWorksheet((s) => {
    const computed = selectSheet(s);
    return computed.ok && computed.sheet.model.loss !== null && computed.sheet.model.readout !== null;
  });
  const store = useWorksheetStore();
  const id = useWorksheet((s) => s.worksheetId);
  const [open, setOpen] = useState(false);
  // the parameters as opened: every slider moves from these, and reset puts them back (kept here,
  // so that closing and opening the plot again does not take a moved slider for the start)
  const [opened, setOpened] = useState(() => ({ id, params: openedParams(store.getState()) }));
  if (opened.id !== id) setOpened({ id, params: openedParams(store.getState()) });
  if (!hasLoss) return null;
  return (
    <details className="gradient-plot" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{messages.gradientPlotTitle}</summary>
      {/* nothing is computed for the plot until it is opened */}
      {open && <PlotPanel key={id} original={opened.params} />}
    </details>
  );
}

function PlotPanel({ original }: { original: FileParams }) {
  const store = useWorksheetStore();
  const computed = useWorksheet(selectSheet);
  const params = useWorksheet((s) => fileParams(s.file));
  const [compareId, setCompareId] = useState('');
  if (!computed.ok) return null;
  const { model } = computed.sheet;
  const norms = hiddenGradientNorms(computed.sheet) ?? [];
  const closedForm = scalarClosedForm(computed.sheet);
  const factor = recurrenceScale(params, original, model.cell);
  const reset = () => store.getState().setParams(resetChanges(params, original));
  return (
    <div className="gradient-plot-body">
      <div className="gradient-plot-figure">
        <Plot model={model} own={norms} compareId={compareId} factor={factor} />
      </div>
      <div className="gradient-plot-side">
        <RecurrenceSliders model={model} params={params} original={original} />
        <div className="gradient-plot-actions">
          <button type="button" onClick={reset}>
            {messages.gradientReset}
          </button>
          <CompareChoice value={compareId} onChange={setCompareId} />
        </div>
        {closedForm && <ClosedForm model={model} form={closedForm} />}
      </div>
    </div>
  );
}

function RecurrenceSliders({ model, params, original }: { model: Model; params: FileParams; original: FileParams }) {
  const store = useWorksheetStore();
  const set = (changes: FileParams) => store.getState().setParams(changes);
  const scalar = isScalarRecurrence(model.cell, original);
  const W_h = paramText(model, 'W_hh');
  return (
    <>
      {scalar ? (
        <ParamSlider
          label={messages.gradientValueSlider(W_h)}
          name={W_h}
          value={(params.W_hh as number[][])[0]?.[0] ?? 0}
          {...VALUE_RANGE}
          onChange={(v) => set({ W_hh: [[v]] })}
        />
      ) : (
        <ParamSlider
          label={messages.gradientScaleSlider}
          name={messages.gradientScaleName}
          value={recurrenceScale(params, original, model.cell)}
          {...SCALE_RANGE}
          onChange={(v) => set(scaleRecurrence(original, model.cell, v))}
        />
      )}
      {model.cell === 'lstm' && (
        <ParamSlider
          label={messages.gradientForgetSlider}
          name={messages.gradientForgetName}
          value={forgetBiasShift(params, original, model.H)}
          {...FORGET_RANGE}
          onChange={(v) => set(shiftForgetBias(original, model.H, v))}
        />
      )}
    </>
  );
}

/** Another built-in worksheet with a loss, whose curve is drawn on the same plot. */
function CompareChoice({ value, onChange }: { value: string; onChange(id: string): void }) {
  const id = useWorksheet((s) => s.worksheetId);
  const others = BUILT_IN_WORKSHEETS.filter((w) => w.id !== id && (w.file as WorksheetFile).loss);
  return (
    <label className="gradient-compare">
      {messages.gradientCompare}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{messages.gradientCompareNone}</option>
        {others.map((w) => (
          <option key={w.id} value={w.id}>
            {builtInTitle(w)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Curve {
  readonly series: 'own' | 'compare';
  readonly label: string;
  /** the worksheet's title, in the language chosen */
  readonly title: string;
  readonly values: readonly number[];
  /** the worksheet writes its values with these places (the points' titles) */
  readonly model: Model;
}

const VIEW_W = 480;
const VIEW_H = 330;
const MARGIN = { left: 60, right: 14, top: 36, bottom: 60 };

function Plot({ model, own, compareId, factor }: { model: Model; own: number[]; compareId: string; factor: number }) {
  const compared = useComparedCurve(compareId, factor);
  const curves: Curve[] = [
    { series: 'own', label: messages.gradientThisSheet, title: model.title, values: own, model },
  ];
  if (compared) curves.push(compared);
  const axis = logAxis(curves.flatMap((c) => c.values));
  const lastT = Math.max(...curves.map((c) => c.values.length - 1), 1);
  const norm = curves.some((c) => c.model.H > 1);
  const innerW = VIEW_W - MARGIN.left - MARGIN.right;
  const innerH = VIEW_H - MARGIN.top - MARGIN.bottom;
  const xOf = (t: number) => MARGIN.left + (t / lastT) * innerW;
  const yOf = (v: number) => MARGIN.top + (1 - logPosition(axis, v)) * innerH;
  return (
    <figure className="gradient-plot-chart">
      <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={messages.gradientPlotLabel(norm)}>
        <Axes axis={axis} lastT={lastT} xOf={xOf} yOf={(k) => yOf(10 ** k)} norm={norm} />
        {curves.map((c) => (
          <g key={c.series} className={`curve ${c.series}`} data-series={c.series}>
            <polyline points={c.values.map((v, t) => `${xOf(t)},${yOf(v)}`).join(' ')} />
            {c.values.map((v, t) => (
              <circle
                key={t}
                className={v > 0 && Number.isFinite(v) ? 'point' : 'point off-scale'}
                cx={xOf(t)}
                cy={yOf(v)}
                r={5}
                data-t={t}
                data-value={v}
              >
                <title>{messages.gradientPointTitle(String(t), displayWritten(c.model, 'd:h', v))}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      {compared && (
        <figcaption className="gradient-legend">
          {curves.map((c) => (
            <span key={c.series} className={`legend ${c.series}`}>
              {c.label}
            </span>
          ))}
        </figcaption>
      )}
      <PlotNotes curves={curves} axis={axis} />
    </figure>
  );
}

function Axes({
  axis,
  lastT,
  xOf,
  yOf,
  norm,
}: {
  axis: LogAxis;
  lastT: number;
  xOf(t: number): number;
  yOf(decade: number): number;
  norm: boolean;
}) {
  const ts = Array.from({ length: lastT + 1 }, (_v, t) => t);
  const bottom = VIEW_H - MARGIN.bottom;
  return (
    <g className="axes">
      {labelledDecades(axis).map((k) => (
        <g key={k} className="decade">
          <line x1={MARGIN.left} x2={VIEW_W - MARGIN.right} y1={yOf(k)} y2={yOf(k)} />
          <text x={MARGIN.left - 6} y={yOf(k)} textAnchor="end" dominantBaseline="central">
            {decadeText(k)}
          </text>
        </g>
      ))}
      <line className="axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} />
      <line className="axis" x1={MARGIN.left} x2={VIEW_W - MARGIN.right} y1={bottom} y2={bottom} />
      {ts.map((t) => (
        <text key={t} x={xOf(t)} y={bottom + 6} textAnchor="middle" dominantBaseline="hanging">
          {t}
        </text>
      ))}
      <text className="axis-name" x={(MARGIN.left + VIEW_W - MARGIN.right) / 2} y={VIEW_H - 4} textAnchor="middle">
        {messages.gradientAxisT}
      </text>
      <text className="axis-name" x={4} y={4} textAnchor="start" dominantBaseline="hanging">
        {messages.gradientAxisValue(norm)}
      </text>
    </g>
  );
}

/** What the plot cannot show as it is: zeros on the floor, overflow at the top, rounded values. */
function PlotNotes({ curves, axis }: { curves: readonly Curve[]; axis: LogAxis }) {
  const rounded = curves.filter((c) => c.model.carry === 'rounded');
  return (
    <>
      {axis.zeros && <p className="gradient-note">{messages.gradientZeroNote}</p>}
      {axis.overflow && <p className="gradient-note">{messages.gradientOverflowNote}</p>}
      {rounded.map((c) => (
        <p key={c.series} className="gradient-note">
          {c.series === 'own' ? messages.gradientRoundedNote : messages.gradientCompareRoundedNote(c.title)}
        </p>
      ))}
    </>
  );
}

/** ∂L/∂h_t = 2y · W_y · W_h^(T−t), with the sheet's numbers. */
function ClosedForm({ model, form }: { model: Model; form: ScalarClosedForm }) {
  const [Wy, Wh] = [paramTex(model, 'W_hy'), paramTex(model, 'W_hh')];
  const d = model.decimals;
  const num = (v: number) => (v < 0 ? `(${inFull(v, d)})` : inFull(v, d));
  const error = form.target === 0 ? 'y' : '(y - y^{*})';
  const errorNumbers = form.target === 0 ? num(form.y) : `(${num(form.y)} - ${num(form.target)})`;
  const symbolic = `\\frac{\\partial L}{\\partial h_t} = 2${error}\\,${Wy}\\,${Wh}^{T-t}`;
  const numbers = `= 2 \\cdot ${errorNumbers} \\cdot ${num(form.W_y)} \\cdot ${num(form.W_h)}^{${form.T}-t}`;
  const atZero = `\\frac{\\partial L}{\\partial h_0} = ${inFull(closedFormGradient(form, 0), d)}`;
  const size = Math.abs(form.W_h);
  const growth = size > 1 ? 'explodes' : size < 1 ? 'vanishes' : 'holds';
  return (
    <div className="gradient-closed-form">
      <p>{messages.gradientClosedFormIntro}</p>
      <p>
        <Tex tex={symbolic} />
      </p>
      <p>
        <Tex tex={numbers} />
      </p>
      <p>
        <Tex tex={atZero} />
      </p>
      <p>{messages.gradientClosedFormSays(paramText(model, 'W_hh'), displayNumber(size, placesOf(size, d)), growth)}</p>
    </div>
  );
}

/** The fewest places, from the sheet's own up to MOST_PLACES, that write v exactly (a W_h of 0.5 on a whole-number sheet). */
const MOST_PLACES = 6;
function placesOf(v: number, d: number): number {
  for (let k = d; k < MOST_PLACES; k++)
    if (Math.abs(Number(v.toFixed(k)) - v) <= 1e-9 * Math.max(1, Math.abs(v))) return k;
  return Math.max(d, MOST_PLACES);
}

/** v for TeX, with the places it needs ('-' is TeX's minus). */
function inFull(v: number, d: number): string {
  return v.toFixed(placesOf(v, d));
}

/** The compared worksheet's curve, its recurrence scaled as this one's is (memoised by the pair). */
function useComparedCurve(compareId: string, factor: number): Curve | null {
  return useMemo(() => {
    const w = compareId ? findBuiltIn(compareId) : undefined;
    if (!w) return null;
    const file = builtInFile(w) as WorksheetFile;
    const scaled = { ...file, params: { ...file.params, ...scaleRecurrence(file.params, file.cell, factor) } };
    const computed = computeSheet(scaled);
    if (!computed.ok) return null;
    const values = hiddenGradientNorms(computed.sheet);
    if (!values) return null;
    const label = messages.gradientCompareLegend(builtInTitle(w), displayNumber(factor, 2).replace(/\.?0+$/, ''));
    return { series: 'compare', label, title: builtInTitle(w), values, model: computed.sheet.model };
  }, [compareId, factor]);
}

function isScalarRecurrence(cell: CellKind, original: FileParams): boolean {
  const W = original.W_hh;
  return cell === 'rnn' && Array.isArray(W) && W.length === 1 && Array.isArray(W[0]) && W[0].length === 1;
}

function fileParams(file: unknown): FileParams {
  return (file as WorksheetFile | null)?.params ?? {};
}

/** A built-in's parameters come from its file; a file the user opened, from the file as it is now. */
function openedParams(state: WorksheetState): FileParams {
  const w = findBuiltIn(state.worksheetId ?? '');
  return fileParams(w ? builtInFile(w) : state.file);
}
