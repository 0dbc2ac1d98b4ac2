// The app's own print dialog: which handout (blank or the key) on which paper, then the
// browser's print. Modal: the focus starts on the chosen version, Tab stays inside, Escape closes,
// and the focus goes back to the button that opened it.
import { useEffect, useId, useRef, useState } from 'react';
import { messages } from '../messages/messages';
import { RadioChoice } from '../common/RadioChoice';
import type { HandoutVersion, Paper } from './printLayout';

export interface PrintChoice {
  readonly version: HandoutVersion;
  readonly paper: Paper;
}

const VERSIONS: readonly (readonly [HandoutVersion, string])[] = [
  ['blank', messages.printBlank],
  ['key', messages.printKey],
];
const PAPERS: readonly (readonly [Paper, string])[] = [
  ['A4', messages.printPaperA4],
  ['Letter', messages.printPaperLetter],
];

export function PrintDialog({
  initial,
  onPrint,
  onClose,
}: {
  initial: PrintChoice;
  onPrint: (choice: PrintChoice) => void;
  onClose: () => void;
}) {
  const [version, setVersion] = useState(initial.version);
  const [paper, setPaper] = useState(initial.paper);
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    // the dialog's keys are its own: the arrows move a choice, not the sheet's frame
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') trapTab(e, ref.current);
  };
  return (
    <div className="print-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="print-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{messages.printDialogTitle}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onPrint({ version, paper });
          }}
        >
          <RadioChoice
            className="print-version"
            legend={messages.printVersionLegend}
            name="print-version"
            options={VERSIONS}
            value={version}
            onChange={setVersion}
          />
          <RadioChoice
            className="print-paper"
            legend={messages.printPaperLegend}
            name="print-paper"
            options={PAPERS}
            value={paper}
            onChange={setPaper}
          />
          <div className="print-actions">
            <button type="button" onClick={onClose}>
              {messages.printCancel}
            </button>
            <button type="submit" className="primary">
              {messages.printConfirm}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

/** Keeps Tab and Shift+Tab inside the dialog, going round from the last control to the first. */
function trapTab(e: React.KeyboardEvent, dialog: HTMLElement | null): void {
  if (!dialog) return;
  // one stop per radio group: the checked radio, as the browser's own Tab order has it
  const stops = [...dialog.querySelectorAll<HTMLElement>('button, input:checked')];
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
