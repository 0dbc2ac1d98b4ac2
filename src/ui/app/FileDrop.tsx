// A worksheet file dropped anywhere on the page opens as one chosen on the home page does (kept,
// validated in a worker); one that fails shows every problem and changes nothing: the page, and
// whatever was typed on it, stay as they were.
import { useEffect, useRef, useState } from 'react';
import { messages } from '../messages/messages';
import { ProblemList } from '../common/ProblemList';
import { useWorksheetStore } from '../common/storeContext';
import { useFileOpening } from '../home/OpenFile';
import './FileDrop.css';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function FileDrop() {
  const { onFile, error, computing, setError } = useFileOpening(useWorksheetStore());
  const [over, setOver] = useState(false);
  // the listeners stay for the page's life; the opening they start is this render's
  const opening = useRef({ onFile, setError });
  useEffect(() => {
    opening.current = { onFile, setError };
  });
  useEffect(() => {
    // counted: dragenter and dragleave come for every element the pointer crosses
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    // without this the browser opens the file itself, and the page is gone
    const overPage = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      if (files.length > 1) {
        opening.current.setError({ title: messages.dropOneFile(files.length), problems: [] });
        return;
      }
      void opening.current.onFile(files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overPage);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      {over && (
        <div className="file-drop-overlay" aria-hidden="true">
          <p>{messages.dropHint}</p>
        </div>
      )}
      {computing && (
        <p className="file-drop-status" role="status">
          {messages.computingFile(computing.name)} <progress max={1} value={computing.fraction} />
        </p>
      )}
      {error && (
        <div className="file-drop-problems">
          <ProblemList title={error.title} problems={error.problems} />
          <button type="button" onClick={() => setError(null)}>
            {messages.droppedProblemsClose}
          </button>
        </div>
      )}
    </>
  );
}
