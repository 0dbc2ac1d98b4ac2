// The worksheets kept in this browser, on the home page: open, rename, duplicate, export, delete
// (and undo the deletion), and what could not be read, to download or delete.
import { useEffect, useRef, useState } from 'react';
import { shownText, SHOWN_TITLE_CHARS } from '../../core/format/shownText';
import type { KeptWorksheet } from '../../store/library';
import { messages } from '../messages/messages';
import { downloadText, fileNameOf, worksheetJson } from '../common/download';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';

const when = (time: number) =>
  new Intl.DateTimeFormat(messages.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);

export function KeptWorksheets() {
  const kept = useWorksheet((s) => s.kept);
  const setAside = useWorksheet((s) => s.keptSetAside);
  const lastDeleted = useWorksheet((s) => s.lastDeleted);
  const saved = useWorksheet((s) => s.keptSaved);
  const store = useWorksheetStore();
  // the focus was on the Delete button, now gone: it goes to the way back
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (lastDeleted) undo.current?.focus();
  }, [lastDeleted]);
  if (kept.length === 0 && setAside.length === 0 && !lastDeleted) return null;
  return (
    <section className="kept" aria-labelledby="kept-heading">
      <h2 id="kept-heading">{messages.keptHeading}</h2>
      <p className="kept-intro">{messages.keptIntro}</p>
      {!saved && <p role="status">{messages.keptNotSaved}</p>}
      {lastDeleted && (
        <p role="status" className="kept-deleted">
          {messages.keptDeleted(shownText(lastDeleted.name, SHOWN_TITLE_CHARS))}{' '}
          <button ref={undo} type="button" onClick={() => store.getState().undoDelete()}>
            {messages.keptUndoDelete}
          </button>
        </p>
      )}
      {setAside.map((a) => (
        <p key={a.key} role="alert" className="kept-set-aside">
          {messages.keptSetAside(a.reason)}{' '}
          <button type="button" onClick={() => downloadText('kept-worksheet.txt', a.text, 'text/plain')}>
            {messages.setAsideDownload}
          </button>{' '}
          <button type="button" onClick={() => store.getState().discardKeptSetAside(a.key)}>
            {messages.setAsideDiscard}
          </button>
        </p>
      ))}
      <ul className="worksheet-list kept-list">
        {kept.map((k) => (
          <KeptItem key={k.id} kept={k} />
        ))}
      </ul>
    </section>
  );
}

function KeptItem({ kept }: { kept: KeptWorksheet }) {
  const store = useWorksheetStore();
  const [renaming, setRenaming] = useState<string | null>(null);
  const name = shownText(kept.name, SHOWN_TITLE_CHARS);
  const empty = renaming !== null && renaming.trim() === '';
  const saveName = () => {
    if (renaming === null || empty) return;
    store.getState().renameKept(kept.id, renaming);
    setRenaming(null);
  };
  return (
    <li>
      {renaming === null ? (
        <a href={`#/${kept.id}/1`} aria-label={messages.openWorksheet(name)}>
          {name}
        </a>
      ) : (
        <form
          className="kept-rename"
          onSubmit={(e) => {
            e.preventDefault();
            saveName();
          }}
        >
          <input
            aria-label={messages.keptRenameLabel(name)}
            value={renaming}
            maxLength={200}
            autoFocus
            aria-invalid={empty}
            onChange={(e) => setRenaming(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setRenaming(null);
            }}
          />
          <button type="submit" disabled={empty}>
            {messages.keptRenameSave}
          </button>
          <button type="button" onClick={() => setRenaming(null)}>
            {messages.keptRenameCancel}
          </button>
          {empty && <span role="alert">{messages.keptNameEmpty}</span>}
        </form>
      )}
      <p>{messages.keptSavedAt(when(kept.savedAt))}</p>
      <div className="kept-actions">
        {renaming === null && (
          <button type="button" aria-label={messages.keptRenameLabel(name)} onClick={() => setRenaming(kept.name)}>
            {messages.keptRename}
          </button>
        )}
        <button
          type="button"
          aria-label={messages.keptDuplicateLabel(name)}
          onClick={() => store.getState().duplicateKept(kept.id)}
        >
          {messages.keptDuplicate}
        </button>
        <button
          type="button"
          aria-label={messages.keptExportLabel(name)}
          onClick={() => downloadText(fileNameOf(kept.name), worksheetJson(kept.file))}
        >
          {messages.keptExport}
        </button>
        <button
          type="button"
          aria-label={messages.keptDeleteLabel(name)}
          onClick={() => store.getState().deleteKept(kept.id)}
        >
          {messages.keptDelete}
        </button>
      </div>
    </li>
  );
}
