// The head of a printed handout, above the sheet: the title, which version it is, a line for the
// student's name and the date on the blank one, the places to work to, and the step's equations
// symbolically. Drawn only while a handout prints; never on screen.
import { useMemo } from 'react';
import { SHOWN_TITLE_CHARS, shownText } from '../../core/format/shownText';
import { stepEquationsTex } from '../../core/records/stepEquations';
import { selectSheet } from '../../store/worksheetStore';
import { useWorksheet } from '../common/storeContext';
import { Tex } from '../common/Tex';
import { messages } from '../messages/messages';
import { worksheetTitle } from '../common/worksheetTitle';
import { usePrintVersion } from './printState';

export function HandoutHead() {
  const version = usePrintVersion();
  const computed = useWorksheet(selectSheet);
  // a kept worksheet goes by the name its owner gave it (a rename leaves the file's title alone)
  const keptName = useWorksheet((s) => s.kept.find((k) => k.id === s.worksheetId)?.name ?? null);
  const worksheetId = useWorksheet((s) => s.worksheetId);
  const equations = useMemo(
    () => (computed.ok && version !== null ? stepEquationsTex(computed.sheet.model, computed.records) : []),
    [computed, version],
  );
  if (version === null || !computed.ok) return null;
  const { model } = computed.sheet;
  return (
    <header className="handout-head">
      <h1>{keptName === null ? worksheetTitle(worksheetId, model.title) : shownText(keptName, SHOWN_TITLE_CHARS)}</h1>
      <p className="handout-kind">{version === 'blank' ? messages.handoutBlank : messages.handoutKey}</p>
      {version === 'blank' && (
        <p className="handout-name">
          <span>{messages.handoutName}:</span>
          <span>{messages.handoutDate}:</span>
        </p>
      )}
      <p className="handout-note">
        {version === 'blank' && `${messages.handoutFillIn(model.decimals)} `}
        {messages.decimalsNote(model.decimals, model.carry, model.cell, model.loss !== null)}
      </p>
      <p className="handout-note">{messages.handoutEquations}</p>
      <ul className="handout-equations">
        {equations.map((tex) => (
          <li key={tex}>
            <Tex tex={tex} />
          </li>
        ))}
      </ul>
    </header>
  );
}
