// The walkthrough page: pick a built-in worksheet, then step through it frame by frame.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { formatProblem } from '../core/validate';
import { selectSheet, type WorksheetState } from '../store/worksheetStore';
import { BUILT_IN_WORKSHEETS } from '../worksheets';
import { Controls } from './Controls';
import { FramePanel } from './FramePanel';
import { messages } from './messages';
import { Sheet } from './sheet/Sheet';
import { StoreContext, useWorksheet } from './storeContext';
import { useKeyboard } from './useKeyboard';
import { useUrlSync } from './url';
import './App.css';

export function App({ store }: { store: StoreApi<WorksheetState> }) {
  useKeyboard(store);
  useUrlSync(store);
  return (
    <StoreContext.Provider value={store}>
      <main className="app">
        <Header />
        <Walkthrough />
      </main>
    </StoreContext.Provider>
  );
}

function Header() {
  const worksheetId = useWorksheet((s) => s.worksheetId);
  const open = useWorksheet((s) => s.open);
  return (
    <header className="app-header">
      <h1>{messages.appTitle}</h1>
      <label className="picker">
        {messages.worksheetPicker}{' '}
        <select value={worksheetId} onChange={(e) => open(e.target.value)}>
          {BUILT_IN_WORKSHEETS.map((w) => (
            <option key={w.id} value={w.id}>
              {w.title}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

function Walkthrough() {
  const computed = useWorksheet(selectSheet);
  if (!computed.ok)
    return (
      <div role="alert">
        <p>{messages.invalidWorksheet}</p>
        <ul>
          {computed.problems.map((p) => (
            <li key={formatProblem(p)}>{formatProblem(p)}</li>
          ))}
        </ul>
      </div>
    );
  const { model } = computed.sheet;
  return (
    <>
      <p className="note">{messages.decimalsNote(model.decimals, model.carry)}</p>
      <FramePanel />
      <Controls />
      <Sheet />
      <FollowCurrent />
    </>
  );
}

/** Keeps the cell being written in view as the frames advance. */
function FollowCurrent() {
  const frame = useWorksheet((s) => s.frame);
  const worksheetId = useWorksheet((s) => s.worksheetId);
  useEffect(() => {
    const cell = document.querySelector('.sheet [data-role="current"]');
    if (cell && 'scrollIntoView' in cell) cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [frame, worksheetId]);
  return null;
}
