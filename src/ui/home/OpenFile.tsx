// Opens a worksheet file from the user's disk; a file that breaks the format's rules is not
// opened, and every problem is listed with the field it concerns.
import { useState } from 'react';
import { parseWorksheet, type Problem } from '../../core/format/validate';
import { messages } from '../messages/messages';
import { ProblemList } from '../common/ProblemList';
import { useWorksheetStore } from '../common/storeContext';

export function OpenFile() {
  const store = useWorksheetStore();
  const [error, setError] = useState<{ title: string; problems: readonly Problem[] } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError({ title: messages.fileUnreadable(file.name), problems: [] });
      return;
    }
    const loaded = parseWorksheet(text);
    if (!loaded.ok) {
      setError({ title: messages.fileProblems(file.name, loaded.problems.length), problems: loaded.problems });
      return;
    }
    setError(null);
    store.getState().openFile(loaded.file);
  };
  return (
    <div className="open-file">
      <label>
        {messages.openFile}{' '}
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {error && <ProblemList title={error.title} problems={error.problems} />}
    </div>
  );
}
