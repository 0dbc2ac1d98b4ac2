// A worksheet's story and the questions worth asking at the end, where the catalogue has them.
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';

export function WorksheetNotes() {
  const id = useWorksheet((s) => s.worksheetId);
  const notes = id === null ? undefined : messages.worksheetNotes[id];
  if (!notes) return null;
  return (
    <aside className="worksheet-notes">
      <p>{notes.story}</p>
      {notes.questions.length > 0 && (
        <>
          <h2>{messages.questionsHeading}</h2>
          <ol>
            {notes.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
