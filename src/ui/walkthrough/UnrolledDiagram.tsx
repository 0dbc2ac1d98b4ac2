// The network unrolled through time, as the notes draw it: x_t below, h_t in a chain, y_t above;
// the current step is marked, and a click on a step of this worksheet jumps to it.
import { useRef } from 'react';
import { computeSheet, builtInFile } from '../../store/sheet';
import { selectSheet, stepOf } from '../../store/worksheetStore';
import { findBuiltIn } from '../../worksheets';
import { diagramColumns } from './diagram';
import { messages } from '../messages/messages';
import { subscript } from '../common/quantityText';
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
  const strip = useRef<HTMLDivElement>(null);
  useCurrentInStrip(strip, '.column.current', current);
  if (!computed.ok) return null;
  const source = sourceId ? findBuiltIn(sourceId) : undefined;
  const before = source ? computeSheet(builtInFile(source)) : null;
  const columns = diagramColumns(computed.sheet.model, before?.ok ? before.sheet.model : null);
  const hasOutput = columns.some((c) => c.output !== 'none');
  const top = hasOutput ? 4 : -40;
  const height = top + 134;
  return (
    <div className="unrolled-strip" ref={strip}>
      <svg
        className="unrolled"
        role="img"
        aria-label={messages.diagramLabel}
        width={columns.length * W + 16}
        height={height}
      >
        {columns.map((c, k) => {
          const x = 8 + k * W + (W - BOX_W) / 2;
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
