// The trace as a plain table: one row per record, with its equation symbolically, with the
// numbers substituted, and the result (the walkthrough grid replaces this in a later issue).
import { memo } from 'react';
import type { TraceRecord } from '../core/records';
import { displayNumber } from './displayNumber';
import { recordTex, refTex, type Sheet } from '../core/tex';
import { messages } from './messages';
import { Tex } from './Tex';
import './TraceTable.css';

export const TraceTable = memo(function TraceTable({
  sheet,
  records,
}: {
  sheet: Sheet;
  records: readonly TraceRecord[];
}) {
  const { model } = sheet;
  return (
    <table className="trace-table">
      <caption>{messages.traceTableCaption(model.title)}</caption>
      <thead>
        <tr>
          <th scope="col">{messages.columnNumber}</th>
          <th scope="col">{messages.columnStep}</th>
          <th scope="col">{messages.columnQuantity}</th>
          <th scope="col">{messages.columnEquation}</th>
          <th scope="col">{messages.columnResult}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r, n) => (
          <Row key={n} sheet={sheet} record={r} n={n} />
        ))}
      </tbody>
    </table>
  );
});

function Row({ sheet, record, n }: { sheet: Sheet; record: TraceRecord; n: number }) {
  const tex = recordTex(sheet, n);
  const d = sheet.model.decimals;
  const ref = { q: record.q, t: record.t, i: record.i, ...(record.j === undefined ? {} : { j: record.j }) };
  return (
    <tr data-q={record.q} data-t={record.t} data-i={record.i} className={`phase-${record.phase}`}>
      <td className="number">{n + 1}</td>
      <td className="step">{record.t === 0 ? messages.stepNone : record.t}</td>
      <th scope="row" className="quantity">
        <Tex tex={refTex(sheet.model, ref)} />
      </th>
      <td className="equation">
        <div className="equation-lines">
          <Tex tex={tex.symbolic} />
          <Tex tex={tex.substituted} />
        </div>
      </td>
      <td className="value" title={String(record.value)}>
        {displayNumber(record.value, d)}
      </td>
    </tr>
  );
}
