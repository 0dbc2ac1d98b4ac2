// The app shell: pick a built-in worksheet and see its whole trace.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { formatProblem } from '../core/validate';
import { selectSheet, type WorksheetState } from '../store/worksheetStore';
import { BUILT_IN_WORKSHEETS } from '../worksheets';
import { messages } from './messages';
import { TraceTable } from './TraceTable';
import './App.css';

export function App({ store }: { store: StoreApi<WorksheetState> }) {
  const worksheetId = useStore(store, (s) => s.worksheetId);
  const open = useStore(store, (s) => s.open);
  const computed = useStore(store, selectSheet);
  return (
    <main className="app">
      <header>
        <h1>{messages.appTitle}</h1>
        <p>{messages.tagline}</p>
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
      {computed.ok ? (
        <>
          <p className="note">{messages.decimalsNote(computed.sheet.model.decimals, computed.sheet.model.carry)}</p>
          <TraceTable sheet={computed.sheet} records={computed.records} />
        </>
      ) : (
        <div role="alert">
          <p>{messages.invalidWorksheet}</p>
          <ul>
            {computed.problems.map((p) => (
              <li key={formatProblem(p)}>{formatProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
    </main>
  );
}
