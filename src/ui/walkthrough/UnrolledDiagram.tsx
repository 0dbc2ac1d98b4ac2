// The network unrolled through time, as the notes and the Elman slide draw it: x_t below, h_t in a
// chain (an LSTM's c_t in a chain of its own under it, the "highway" the gradient takes), y_t
// above and the loss L after them; the edges carry the weights they multiply by. Under each x_t
// the token it is looked up for (the embedding), and under the column the number that has
// reached it so far: h_t going forward, ∂L/∂h_t (and ∂L/∂c_t) going back, so the values flow
// left to right and the gradients right to left, in step with the sheet. The current step is
// marked, and a click on a step of this worksheet jumps to it.
import { SHOWN_LABEL_CHARS, shownText } from '../../core/format/shownText';
import { useRef } from 'react';
import { scalarDerivative } from '../../core/engine/activations';
import type { Model } from '../../core/format/worksheet';
import type { Sheet } from '../../core/records/tex';
import { computeSheet, builtInFile } from '../../store/sheet';
import { selectFrames, selectSheet, selectView, stepOf, type WorksheetState } from '../../store/worksheetStore';
import { findBuiltIn } from '../../worksheets';
import { diagramColumns } from './diagram';
import { messages } from '../messages/messages';
import { paramText, subscript } from '../common/quantityText';
import { displayNumber, displayWritten } from '../common/displayNumber';
import { useCurrentInStrip } from '../common/scrollIntoStrip';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import './UnrolledDiagram.css';

const W = 64;
const BOX_W = 40;
const BOX_H = 24;
/** an LSTM's c box: narrower, to the right of the x → h edge, which passes it on the left */
const C_X = 14;
const C_W = 26;
const X_EDGE = 7;
/** the lines of φ′(a_t), one a unit */
const SLOPE_LINE = 13;

export function UnrolledDiagram() {
  const store = useWorksheetStore();
  const computed = useWorksheet(selectSheet);
  const sourceId = useWorksheet((s) => findBuiltIn(s.worksheetId ?? '')?.chainedFrom);
  const current = useWorksheet((s) => stepOf(s, s.frame));
  const backward = useWorksheet((s) => s.direction === 'backward');
  // step 0 backward is also where the parameter gradients sit, which belong to no node
  const atStart = useWorksheet(worksAtStart);
  // what has reached each h_t (c_t) so far, as text ('' before it arrives), t = 0 first; and L
  const reached = useWorksheet((s) => reachedText(s, 'h').join('|')).split('|');
  const reachedC = useWorksheet((s) => reachedText(s, 'c').join('|')).split('|');
  const loss = useWorksheet(lossText);
  // a frame that works out c_t (or ∂L/∂c_t) marks c_t's box rather than h_t's
  const onC = useWorksheet((s) => ['c', 'd:c'].includes(selectView(s).q)) ? ' on-c' : '';
  const strip = useRef<HTMLDivElement>(null);
  useCurrentInStrip(strip, '.column.current', current);
  if (!computed.ok) return null;
  const { model } = computed.sheet;
  const source = sourceId ? findBuiltIn(sourceId) : undefined;
  const before = source ? computeSheet(builtInFile(source)) : null;
  const columns = diagramColumns(model, before?.ok ? before.sheet.model : null);
  const hasOutput = columns.some((c) => c.output !== 'none');
  const lstm = model.cell === 'lstm';
  const top = hasOutput ? 4 : -40;
  const row = { y: top, h: top + 44, c: top + 88, x: top + (lstm ? 132 : 88) };
  // the token each x_t is looked up for, under its box: the values come under that
  const hasTokens = columns.some((c) => c.token !== null);
  const tokenY = row.x + BOX_H + 14;
  const valueY = row.x + BOX_H + 30 + (hasTokens ? 14 : 0);
  const cValueY = valueY + 30;
  // going back through an RNN, what ∂L/∂h_t is multiplied by on its way to a_t: φ′(a_t), a line a unit
  const slopes = backward && model.cell === 'rnn';
  const slopeY = valueY + 28;
  const below = lstm ? cValueY : slopes ? slopeY + SLOPE_LINE * (model.H - 1) : valueY;
  const partY = below + 22;
  const hasParts = columns.some((c) => c.part);
  // backward, h₀ (and c₀) are drawn too: the gradient ends there
  const shift = backward ? W : 0;
  const lossX = 8 + shift + columns.length * W;
  const height = (hasParts ? partY : below) + 10;
  const edge = edgeNames(model);
  const hValue = (t: number) => <NodeText x={0} y={valueY} t={t} q={backward ? 'd:h' : 'h'} text={reached[t] ?? ''} />;
  return (
    <div className="unrolled-strip" ref={strip}>
      <svg
        className={`unrolled ${backward ? 'backward' : 'forward'}`}
        role="img"
        aria-label={messages.diagramLabel}
        width={lossX + (model.loss ? W : 0) + 8}
        height={height}
      >
        <defs>
          <marker
            id="unrolled-arrow"
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerUnits="userSpaceOnUse"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L8,4 L0,8 z" />
          </marker>
        </defs>
        {backward && (
          <g className={`column own h0 ${atStart ? `current${onC}` : ''}`} data-t={0} transform={`translate(${8},0)`}>
            <rect className="h" x={(W - BOX_W) / 2} y={row.h} width={BOX_W} height={BOX_H} rx={4} />
            <text x={W / 2} y={row.h + 16}>{`h${subscript(0)}`}</text>
            {lstm && (
              <>
                <rect className="c" x={(W - BOX_W) / 2 + C_X} y={row.c} width={C_W} height={BOX_H} rx={4} />
                <text x={(W - BOX_W) / 2 + C_X + C_W / 2} y={row.c + 16}>{`c${subscript(0)}`}</text>
              </>
            )}
            <g transform={`translate(${W / 2},0)`}>{hValue(0)}</g>
            {lstm && (
              <g transform={`translate(${W / 2},0)`}>
                <NodeText x={0} y={cValueY} t={0} q="d:c" text={reachedC[0] ?? ''} />
              </g>
            )}
          </g>
        )}
        {columns.map((c, k) => {
          const x = 8 + shift + k * W + (W - BOX_W) / 2;
          const cx = x + BOX_W / 2;
          const here = c.own && c.t === current;
          const sub = subscript(c.t);
          // the weights are named once, on the first column's edges, as the slide does
          const named = k === 0;
          const xEdge = lstm ? x + X_EDGE : cx;
          return (
            <g
              key={k}
              className={`column ${here ? `current${onC}` : ''} ${c.own ? 'own' : 'other'}`}
              onClick={c.own ? () => store.getState().goToStep(c.t) : undefined}
              data-t={c.t}
              data-part={c.part ?? ''}
            >
              {c.output !== 'none' && (
                <>
                  <rect className={`y ${c.output}`} x={x} y={row.y} width={BOX_W} height={BOX_H} rx={4} />
                  <text x={cx} y={row.y + 16}>{`y${sub}`}</text>
                  <line className={`up ${c.output}`} x1={cx} y1={row.h} x2={cx} y2={row.y + BOX_H} />
                  {named && edge.y && <EdgeName x={cx + 6} y={row.h - 6} text={edge.y} />}
                </>
              )}
              <rect className="h" x={x} y={row.h} width={BOX_W} height={BOX_H} rx={4} />
              <text x={cx} y={row.h + 16}>{`h${sub}`}</text>
              {(k > 0 || backward) && (
                <line className="chain" x1={x - (W - BOX_W)} y1={row.h + 12} x2={x} y2={row.h + 12} />
              )}
              {k === 1 && <EdgeName x={x - (W - BOX_W) / 2} y={row.h + 24} text={edge.h} anchor="middle" />}
              {lstm && (
                <>
                  <rect className="c" x={x + C_X} y={row.c} width={C_W} height={BOX_H} rx={4} />
                  <text x={x + C_X + C_W / 2} y={row.c + 16}>{`c${sub}`}</text>
                  <line className="up" x1={x + C_X + C_W / 2} y1={row.c} x2={x + C_X + C_W / 2} y2={row.h + BOX_H} />
                  {(k > 0 || backward) && (
                    <line className="chain" x1={x - (W - BOX_W)} y1={row.c + 12} x2={x + C_X} y2={row.c + 12} />
                  )}
                  {k === 1 && <EdgeName x={x - (W - BOX_W) / 2 + 4} y={row.c + 24} text="f ⊙" anchor="middle" />}
                </>
              )}
              <line className={`up ${c.input}`} x1={xEdge} y1={row.x} x2={xEdge} y2={row.h + BOX_H} />
              {named && <EdgeName x={xEdge + 6} y={row.x - 5} text={edge.x} />}
              <rect className={`x ${c.input}`} x={x} y={row.x} width={BOX_W} height={BOX_H} rx={4} />
              <text x={cx} y={row.x + 16}>{`x${sub}`}</text>
              {c.token !== null && (
                <text className="token" x={cx} y={tokenY}>
                  {messages.diagramToken(shownText(c.token, SHOWN_LABEL_CHARS))}
                </text>
              )}
              {c.own && <g transform={`translate(${cx},0)`}>{hValue(c.t)}</g>}
              {c.own && slopes && reached[c.t] && (
                <g transform={`translate(${cx},0)`}>
                  <SlopeText y={slopeY} t={c.t} sheet={computed.sheet} />
                </g>
              )}
              {c.own && lstm && (
                <g transform={`translate(${cx},0)`}>
                  <NodeText x={0} y={cValueY} t={c.t} q={backward ? 'd:c' : 'c'} text={reachedC[c.t] ?? ''} />
                </g>
              )}
              {c.part && (k === 0 || columns[k - 1]?.part !== c.part) && (
                <text className="part" x={x} y={partY} textAnchor="start">
                  {c.part === 'encoder' ? messages.diagramEncoder : messages.diagramDecoder}
                </text>
              )}
            </g>
          );
        })}
        {model.loss && (
          <g className="loss">
            <line
              className="chain"
              x1={lossX - (W - BOX_W) / 2}
              y1={row.y + 12}
              x2={lossX + (W - BOX_W) / 2}
              y2={row.y + 12}
            />
            <rect className="L" x={lossX + (W - BOX_W) / 2} y={row.y} width={BOX_W} height={BOX_H} rx={4} />
            <text x={lossX + W / 2} y={row.y + 16}>
              L
            </text>
            <text className="value" x={lossX + W / 2} y={row.y + BOX_H + 14} data-q="L">
              {loss}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}

/** The weight an edge multiplies by, in the worksheet's own names (W_i· and W_h· for a gated cell's four or three). */
function edgeNames(model: Model): { x: string; h: string; y: string | null } {
  const y = model.readout?.W_hy ? paramText(model, 'W_hy') : null;
  if (model.cell === 'rnn') return { x: paramText(model, 'W_ih'), h: paramText(model, 'W_hh'), y };
  return { x: messages.diagramGateWeights('i'), h: messages.diagramGateWeights('h'), y };
}

function EdgeName({
  x,
  y,
  text,
  anchor = 'start',
}: {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle';
}) {
  return (
    <text className={`edge-name ${anchor}`} x={x} y={y}>
      {text}
    </text>
  );
}

/**
 * The number that has reached a node: its name small above it (h₁, ∂L/∂h₁), the value under; the
 * name only once the value is there (before, a column of names under x_t read as x_t's own).
 */
function NodeText({ x, y, t, q, text }: { x: number; y: number; t: number; q: string; text: string }) {
  const gradient = q.startsWith('d:');
  const base = gradient ? q.slice(2) : q;
  const name = `${base}${subscript(t)}`;
  return (
    <>
      {text !== '' && (
        <text className="value-name" x={x} y={y - 14}>
          {gradient ? `∂L/∂${name}` : name}
        </text>
      )}
      {/* ∂L/∂h keeps the class the tests and the styles know it by; ∂L/∂c, h and c have their own */}
      <text className={q === 'd:h' ? 'gradient' : q === 'd:c' ? 'gradient-c' : `value ${q}`} x={x} y={y} data-t={t}>
        {text}
      </text>
    </>
  );
}

/** φ′(a_t) of an RNN's step t, its name above and each unit's value on a line of its own. */
function SlopeText({ y, t, sheet }: { y: number; t: number; sheet: Sheet }) {
  const { model } = sheet;
  const slopes = Array.from({ length: model.H }, (_v, i) =>
    scalarDerivative(model.activation, sheet.value('pre:h', t, i), sheet.value('h', t, i)),
  );
  return (
    <>
      <text className="value-name" x={0} y={y - 14}>
        {messages.diagramSlope(model.activation, subscript(t))}
      </text>
      {slopes.map((v, i) => (
        <text key={i} className="slope" x={0} y={y + i * SLOPE_LINE} data-t={t}>
          {displayNumber(v, model.decimals)}
        </text>
      ))}
    </>
  );
}

/**
 * For each step t = 0 … T, the value of h_t (c_t) going forward, or the gradient on it going
 * back, that the walkthrough has shown so far, written as the sheet writes it (its norm where it
 * has several numbers).
 */
function reachedText(s: WorksheetState, base: 'h' | 'c'): string[] {
  const computed = selectSheet(s);
  if (!computed.ok) return [];
  const { model } = computed.sheet;
  if (base === 'c' && model.cell !== 'lstm') return [];
  const q = s.direction === 'backward' ? `d:${base}` : base;
  const { records } = computed;
  const { lastVisible } = selectView(s);
  return Array.from({ length: model.T + 1 }, (_v, t) => {
    const values: number[] = [];
    for (let i = 0; i < model.H; i++) {
      const n = records.find(q, t, i);
      if (n === undefined || n > lastVisible) return '';
      values.push(records.value(n));
    }
    if (values.length === 1) return displayWritten(model, q, values[0] as number);
    // a norm is no number of the sheet's: written with the sheet's places, so it fits under its node
    return messages.diagramNorm(displayNumber(Math.hypot(...values), model.decimals));
  });
}

/** The current frame works out ∂L/∂h₀ or ∂L/∂c₀. */
function worksAtStart(s: WorksheetState): boolean {
  const computed = selectSheet(s);
  const frame = selectFrames(s)[s.frame];
  if (s.direction !== 'backward' || !computed.ok || !frame) return false;
  const { records } = computed;
  return records.t(frame.last) === 0 && ['d:h', 'd:c'].includes(records.q(frame.last));
}

/** L once the walkthrough has worked it out. */
function lossText(s: WorksheetState): string {
  const computed = selectSheet(s);
  if (!computed.ok) return '';
  const n = computed.records.find('L', 0, 0);
  if (n === undefined || n > selectView(s).lastVisible) return '';
  return displayWritten(computed.sheet.model, 'L', computed.records.value(n));
}
