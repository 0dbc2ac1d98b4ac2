// What the student must know about where their progress is kept: not at all (no storage), not
// the latest (storage full), updated from an older version, or saved data that could not be
// read and was set aside (offered for download, deleted only when the student says so).
import type { SetAside } from '../../store/persist';
import { messages } from '../messages/messages';
import { useWorksheet, useWorksheetStore } from './storeContext';

export function StorageNotices() {
  const saving = useWorksheet((s) => s.saving);
  const migratedFrom = useWorksheet((s) => s.migratedFrom);
  const setAside = useWorksheet((s) => s.setAside);
  return (
    <>
      {saving !== 'saved' && (
        <p className="notice warning" role="status">
          {saving === 'page' ? messages.storagePage : messages.storageFailed}
        </p>
      )}
      {migratedFrom !== null && (
        <p className="notice" role="status">
          {messages.migrated(migratedFrom)}
        </p>
      )}
      {setAside.map((a) => (
        <SetAsideNotice key={a.key} setAside={a} />
      ))}
    </>
  );
}

function SetAsideNotice({ setAside }: { setAside: SetAside }) {
  const store = useWorksheetStore();
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(setAside.text)}`;
  const name = `${setAside.key.replace(/[^\w.-]+/g, '-')}.json`;
  return (
    <div className="notice warning set-aside" role="alert">
      <p>{messages.setAsideNotice(setAside.reason)}</p>
      <a href={href} download={name}>
        {messages.setAsideDownload}
      </a>{' '}
      <button type="button" onClick={() => store.getState().discardSetAside(setAside.key)}>
        {messages.setAsideDiscard}
      </button>
    </div>
  );
}
