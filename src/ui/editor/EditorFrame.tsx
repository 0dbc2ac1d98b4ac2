// The open worksheet with its "Edit" button, and, while editing, the editor beside it: the sheet
// keeps its column and follows the draft, marked while it shows the last valid version.
import { useCallback, useState, type ReactNode } from 'react';
import { messages } from '../messages/messages';
import { Editor } from './Editor';
import './Editor.css';

export function EditorFrame({ children }: { children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const [valid, setValid] = useState(true);
  const close = useCallback(() => {
    setEditing(false);
    setValid(true);
  }, []);
  if (!editing)
    return (
      <>
        <div className="editor-open-bar">
          <button
            type="button"
            className="editor-open"
            title={messages.editorOpenTitle}
            onClick={() => setEditing(true)}
          >
            {messages.editorOpen}
          </button>
        </div>
        {children}
      </>
    );
  return (
    <div className="editor-layout">
      <div className="editor-sheet-column">
        {!valid && (
          <p className="editor-last-valid" role="status">
            {messages.editorShowingLastValid}
          </p>
        )}
        {children}
      </div>
      <aside className="editor-panel">
        <Editor onClose={close} onValidity={setValid} />
      </aside>
    </div>
  );
}
