// What can be done with the open worksheet as a whole: export it as a file in the contract's
// format (which opens again as the very same worksheet).
import { messages } from '../messages/messages';
import { downloadText, fileNameOf, worksheetJson } from '../common/download';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import './WorksheetActions.css';

export function WorksheetActions() {
  const store = useWorksheetStore();
  const name = useWorksheet((s) => s.kept.find((k) => k.id === s.worksheetId)?.name ?? null);
  const exportFile = () => {
    const { file } = store.getState();
    const title = (file as { title?: unknown } | null)?.title;
    downloadText(fileNameOf(name ?? (typeof title === 'string' ? title : '')), worksheetJson(file));
  };
  return (
    <div className="worksheet-actions">
      <button type="button" aria-label={messages.exportWorksheetLabel} onClick={exportFile}>
        {messages.exportWorksheet}
      </button>
    </div>
  );
}
