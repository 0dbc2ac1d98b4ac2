// Beside the sheet in the walkthrough: "Print…", which opens the app's print dialog, and the
// answer key to copy. Also fits a print started another way (Ctrl+P) to the page.
import { useEffect, useRef, useState } from 'react';
import { messages } from '../messages/messages';
import { CopyAnswerKey } from './CopyAnswerKey';
import { PrintDialog, type PrintChoice } from './PrintDialog';
import { onBeforePrint, printHandout } from './printHandout';
import './Print.css';

export function HandoutTools() {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<PrintChoice>({ version: 'blank', paper: 'A4' });
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <div className="handout-tools">
      <button ref={opener} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {messages.printButton}
      </button>
      <CopyAnswerKey />
      {open && (
        <PrintDialog
          initial={choice}
          onClose={close}
          onPrint={(c) => {
            setChoice(c);
            close();
            void printHandout(c.version, c.paper);
          }}
        />
      )}
    </div>
  );
}
