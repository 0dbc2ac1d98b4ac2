// What can be done with the open worksheet as a whole, in one row: export it as a file in the
// contract's format (which opens again as the very same worksheet), print it or copy its answer
// key (in the walkthrough, whose sheet is the one printed), share it as a link.
import { messages } from '../messages/messages';
import { downloadText, fileNameOf, worksheetJson } from '../common/download';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { HandoutTools } from '../print/HandoutTools';
import { SharePanel } from '../share/SharePanel';
import './WorksheetActions.css';

export function WorksheetActions({ walking }: { walking: boolean }) {
  const store = useWorksheetStore();
  const name = useWorksheet((s) => s.kept.find((k) => k.id === s.worksheetId)?.name ?? null);
  // a worksheet the storage would not take (full: a large file) lasts only as long as this page
  const notKept = useWorksheet((s) => !s.keptSaved && s.kept.some((k) => k.id === s.worksheetId));
  const exportFile = () => {
    const { file } = store.getState();
    const title = (file as { title?: unknown } | null)?.title;
    downloadText(fileNameOf(name ?? (typeof title === 'string' ? title : '')), worksheetJson(file));
  };
  return (
    <div className="worksheet-actions">
      <button type="button" title={messages.exportWorksheetLabel} onClick={exportFile}>
        {messages.exportWorksheet}
      </button>
      {walking && <HandoutTools />}
      <SharePanel />
      {notKept && (
        <p className="worksheet-not-kept" role="status">
          {messages.keptNotSaved}
        </p>
      )}
    </div>
  );
}
