// The states of this sheet beside those of another working of the same network: for the LSTM,
// the pass rounded to 1 decimal beside the exact one (h₃ [−0.8, 0.7] against [−0.72, 0.67]).
import { useDeferredValue } from 'react';
import { computeSheet } from '../../store/sheet';
import { selectSheet } from '../../store/worksheetStore';
import { findBuiltIn } from '../../worksheets';
import { displayNumber } from '../common/displayNumber';
import { messages } from '../messages/messages';
import { builtInTitle } from '../common/worksheetTitle';
import { useWorksheet } from '../common/storeContext';
import { subscript } from '../common/quantityText';

export function ComparePanel() {
  const computed = useWorksheet(selectSheet);
  const otherId = useWorksheet((s) => findBuiltIn(s.worksheetId ?? '')?.compareWith);
  // below the sheet, and a whole second worksheet to compute: drawn just after the first paint
  const painted = useDeferredValue(true, false);
  const other = otherId ? findBuiltIn(otherId) : undefined;
  if (!computed.ok || !other || !painted) return null;
  const theirs = computeSheet(other.file);
  if (!theirs.ok) return null;
  const mine = computed.sheet;
  const { model } = mine;
  const states = model.cell === 'lstm' ? ['h', 'c'] : ['h'];
  const vector = (sheet: typeof mine, q: string, t: number) =>
    `[${Array.from({ length: model.H }, (_v, i) => displayNumber(sheet.value(q, t, i), sheet.model.decimals)).join(', ')}]`;
  return (
    <section className="compare-panel">
      <h2>{messages.compareHeading(builtInTitle(other))}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{messages.compareStep}</th>
            {states.flatMap((q) => [
              <th scope="col" key={`${q}-this`}>
                {messages.compareThis(q)}
              </th>,
              <th scope="col" key={`${q}-other`}>
                {messages.compareOther(q)}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: model.T }, (_v, k) => k + 1).map((t) => (
            <tr key={t} data-t={t}>
              <th scope="row">{`t${subscript(t)}`}</th>
              {states.flatMap((q) => [
                <td key={`${q}-this`} data-q={q} data-which="this">
                  {vector(mine, q, t)}
                </td>,
                <td key={`${q}-other`} data-q={q} data-which="other">
                  {vector(theirs.sheet, q, t)}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
