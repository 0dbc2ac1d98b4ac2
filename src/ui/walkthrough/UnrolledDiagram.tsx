// The network unrolled through time, as the notes draw it: x_t below, h_t in a chain, y_t above;
// the current step is marked, and a click on a step of this worksheet jumps to it.
import { useRef } from 'react';
import { computeSheet, builtInFile } from '../../store/sheet';
import { selectSheet, selectView, stepOf, type WorksheetState } from '../../store/worksheetStore';
import { findBuiltIn } from '../../worksheets';
import { diagramColumns } from './diagram';
import { messages } from '../messages/messages';
import { subscript } from '../common/quantityText';
import { displayWritten } from '../common/displayNumber';
import { useCurrentInStrip } from '../common/scrollIntoStrip';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import './UnrolledDiagram.css';

const W = 64;
const BOX_W = 40;
const BOX_H = 24;

export function UnrolledDiagram() {
  const store = useWorksheetStore();
  const computed = useWorksheet(selectSheet);
  const sourceId = useWorksheet((s) => findBuiltIn(s.worksheetId ?? '')?.chainedFrom);
  const current = useWorksheet((s) => stepOf(s, s.frame));
  const backward = useWorksheet((s) => s.direction === 'backward');
  // the gradient that has reached each h_t so far, as text ('' before it arrives), h₀'s first
  const arrived = useWorksheet((s) => arrivedGradients(s).join('|')).split('|');
  const strip = useRef<HTMLDivElement>(null);
  useCurrentInStrip(strip, '.column.current', current);
  if (!computed.ok) return null;
  const source = sourceId ? findBuiltIn(sourceId) : undefined;
  const before = source ? computeSheet(builtInFile(source)) : null;
  const columns = diagramColumns(computed.sheet.model, before?.ok ? before.sheet.model : null);
  const hasOutput = columns.some((c) => c.output !== 'none');
  const top = hasOutput ? 4 : -40;
  // backward, h₀ is drawn too (the gradient ends there), and under each h the gradient it has got
  const shift = backward ? W : 0;
  const height = top + (backward ? 170 : 134);
  const gradientY = top + 150;
  return (
    <div className="unrolled-strip" ref={strip}>
      <svg
        className="unrolled"
        role="img"
        aria-label={messages.diagramLabel}
        width={columns.length * W + 16 + shift}
        height={height}
      >
        {backward && (
          <g className={`column own h0 ${current === 0 ? 'current' : ''}`} data-t={0}>
            <rect className="h" x={8 + (W - BOX_W) / 2} y={top + 44} width={BOX_W} height={BOX_H} rx={4} />
            <text x={8 + W / 2} y={top + 60}>{`h${subscript(0)}`}</text>
            <line x1={8 + (W + BOX_W) / 2} y1={top + 56} x2={8 + W + (W - BOX_W) / 2} y2={top + 56} />
            <GradientText x={8 + W / 2} y={gradientY} t={0} text={arrived[0] ?? ''} />
          </g>
        )}
        {columns.map((c, k) => {
          const x = 8 + shift + k * W + (W - BOX_W) / 2;
          const cx = x + BOX_W / 2;
          const here = c.own && c.t === current;
          const sub = subscript(c.t);
          return (
            <g
              key={k}
              className={`column ${here ? 'current' : ''} ${c.own ? 'own' : 'other'}`}
              onClick={c.own ? () => store.getState().goToStep(c.t) : undefined}
              data-t={c.t}
              data-part={c.part ?? ''}
            >
              {c.output !== 'none' && (
                <>
                  <rect className={`y ${c.output}`} x={x} y={top} width={BOX_W} height={BOX_H} rx={4} />
                  <text x={cx} y={top + 16}>{`y${sub}`}</text>
                  <line className={c.output} x1={cx} y1={top + 44} x2={cx} y2={top + BOX_H} />
                </>
              )}
              <rect className="h" x={x} y={top + 44} width={BOX_W} height={BOX_H} rx={4} />
              <text x={cx} y={top + 60}>{`h${sub}`}</text>
              {k > 0 && <line x1={x - (W - BOX_W)} y1={top + 56} x2={x} y2={top + 56} />}
              <line className={c.input} x1={cx} y1={top + 88} x2={cx} y2={top + 44 + BOX_H} />
              <rect className={`x ${c.input}`} x={x} y={top + 88} width={BOX_W} height={BOX_H} rx={4} />
              <text x={cx} y={top + 104}>{`x${sub}`}</text>
              {backward && c.own && <GradientText x={cx} y={gradientY} t={c.t} text={arrived[c.t] ?? ''} />}
              {c.part && (k === 0 || columns[k - 1]?.part !== c.part) && (
                <text className="part" x={x} y={top + 128} textAnchor="start">
                  {c.part === 'encoder' ? messages.diagramEncoder : messages.diagramDecoder}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** ∂L/∂h_t under h_t, once the backward pass has worked it out (its norm where h has several numbers). */
function GradientText({ x, y, t, text }: { x: number; y: number; t: number; text: string }) {
  return (
    <>
      <text className="gradient-name" x={x} y={y - 14}>{`∂L/∂h${subscript(t)}`}</text>
      <text className="gradient" x={x} y={y} data-t={t}>
        {text}
      </text>
    </>
  );
}

/** For each step t = 0 … T, the gradient on h_t the backward pass has shown so far, written as the sheet writes it. */
function arrivedGradients(s: WorksheetState): string[] {
  const computed = selectSheet(s);
  if (s.direction !== 'backward' || !computed.ok) return [];
  const { model } = computed.sheet;
  const { records } = computed;
  const { lastVisible } = selectView(s);
  return Array.from({ length: model.T + 1 }, (_v, t) => {
    const values: number[] = [];
    for (let i = 0; i < model.H; i++) {
      const n = records.find('d:h', t, i);
      if (n === undefined || n > lastVisible) return '';
      values.push(records.value(n));
    }
    if (values.length === 1) return displayWritten(model, 'd:h', values[0] as number);
    return messages.diagramNorm(displayWritten(model, 'd:h', Math.hypot(...values)));
  });
}
