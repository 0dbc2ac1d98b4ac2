// Opens a worksheet file from the user's disk (chosen here, or dropped on the page: FileDrop)
// and keeps it in the browser, so that a reload finds it; a file that breaks the format's rules
// is not opened, and every problem is listed with the field it concerns. A file past the
// validator's size limit is refused by its size, before it is read. The sheet is computed in a
// worker (see store/sheetWorker.ts) with a progress bar, so a large file never freezes the page.
import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { LIMITS, type Problem } from '../../core/format/validate';
import { openWorksheetText, type OpeningFile } from '../../store/sheetWorker';
import type { WorksheetState } from '../../store/worksheetStore';
import { messages } from '../messages/messages';
import { ProblemList } from '../common/ProblemList';
import { useWorksheetStore } from '../common/storeContext';

/**
 * Files from this size on show the progress bar. A by-hand sheet is under 1 KB and computes in a
 * few ms; an LSTM with H = 16, T = 64 (5 KB) in about 40 ms, where a bar would only flash; one
 * with H = 32, T = 128 (21 KB) takes long enough to want one. Every file goes through the worker.
 */
export const PROGRESS_FROM_BYTES = 16 * 1024;

interface Computing {
  readonly name: string;
  readonly fraction: number;
}

export interface FileError {
  readonly title: string;
  readonly problems: readonly Problem[];
}

export function OpenFile() {
  const { onFile, error, computing } = useFileOpening(useWorksheetStore());
  return (
    <div className="open-file">
      <label>
        {messages.openFile}{' '}
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {computing && (
        <label className="open-file-progress">
          {messages.computingFile(computing.name)} <progress max={1} value={computing.fraction} />
        </label>
      )}
      {error && <ProblemList title={error.title} problems={error.problems} />}
    </div>
  );
}

/** Reading, validating, computing and keeping the chosen file; a file chosen after it cancels it. */
export function useFileOpening(store: StoreApi<WorksheetState>) {
  const [error, setError] = useState<FileError | null>(null);
  const [computing, setComputing] = useState<Computing | null>(null);
  const opening = useRef<OpeningFile | null>(null);
  const choice = useRef(0);
  // leaving home while a file computes stops it (a file opened has left this ref: see below)
  useEffect(() => () => opening.current?.cancel(), []);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const mine = ++choice.current;
    opening.current?.cancel();
    opening.current = null;
    setComputing(null);
    if (file.size > LIMITS.chars) {
      setError({
        title: messages.fileTooLarge(file.name, mebibytes(file.size), mebibytes(LIMITS.chars)),
        problems: [],
      });
      return;
    }
    const text = await readText(file);
    if (mine !== choice.current) return;
    if (text === null) {
      setError({ title: messages.fileUnreadable(file.name), problems: [] });
      return;
    }
    const shows = file.size >= PROGRESS_FROM_BYTES;
    const onProgress = shows ? (fraction: number) => setComputing({ name: file.name, fraction }) : undefined;
    const job = openWorksheetText(text, { onProgress });
    opening.current = job;
    if (shows) setComputing({ name: file.name, fraction: 0 });
    const opened = await job.result;
    if (opened.kind === 'cancelled' || opening.current !== job) return;
    // the worker goes on to the sheet carried the other way: opening the file must not stop it
    opening.current = null;
    setComputing(null);
    if (opened.kind === 'problems')
      setError({ title: messages.fileProblems(file.name, opened.problems.length), problems: opened.problems });
    else {
      setError(null);
      store.getState().keepAndOpen(opened.file, keptName(opened.file, file.name));
    }
  };
  return { onFile, error, computing, setError };
}

/** The name a file is kept under: its title, or else its file name without .json. */
function keptName(file: unknown, fileName: string): string {
  const title = (file as { title?: unknown }).title;
  return typeof title === 'string' && title.trim() !== '' ? title : fileName.replace(/\.json$/i, '');
}

function mebibytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1).replace(/\.0$/, '');
}

async function readText(file: File): Promise<string | null> {
  try {
    return await file.text();
  } catch {
    return null;
  }
}
