// "Copy answer key": the sheet's numbers as a table (Markdown or CSV) on the clipboard, for a
// handout or a grading sheet; where the browser refuses the clipboard, the text is shown to copy.
import { useEffect, useRef, useState } from 'react';
import { answerKeyCsv, answerKeyMarkdown, answerKeyRows } from '../../core/records/answerKey';
import { drawsGradients, selectSheet } from '../../store/worksheetStore';
import { cellText } from '../common/quantityText';
import { useWorksheetStore } from '../common/storeContext';
import { messages } from '../messages/messages';

type Format = 'markdown' | 'csv';
type Status = { kind: 'copied'; count: number; format: Format } | { kind: 'refused'; text: string } | null;

export function CopyAnswerKey() {
  const store = useWorksheetStore();
  const [status, setStatus] = useState<Status>(null);
  const copy = async (format: Format) => {
    const s = store.getState();
    const computed = selectSheet(s);
    if (!computed.ok) return;
    const { model } = computed.sheet;
    const rows = answerKeyRows(
      model,
      computed.records,
      (q, t, i, j) => cellText(model, q, t, i, j),
      drawsGradients(s) ? 'both' : 'forward',
    );
    const text = (format === 'csv' ? answerKeyCsv : answerKeyMarkdown)(rows, messages.answerKeyHeaders);
    try {
      // absent outside a secure context: refused all the same
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'copied', count: rows.length, format });
    } catch {
      setStatus({ kind: 'refused', text });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy('markdown')}>
        {messages.copyKeyMarkdown}
      </button>
      <button type="button" onClick={() => void copy('csv')}>
        {messages.copyKeyCsv}
      </button>
      <p className="answer-key-status" role="status">
        {status?.kind === 'copied' && messages.answerKeyCopied(status.count, status.format)}
      </p>
      {status?.kind === 'refused' && <RefusedCopy text={status.text} onClose={() => setStatus(null)} />}
    </>
  );
}

/** The text to copy by hand, selected, so Ctrl+C is all it takes. */
function RefusedCopy({ text, onClose }: { text: string; onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [text]);
  return (
    <div className="answer-key-fallback">
      <p role="alert">{messages.answerKeyRefused}</p>
      <label>
        {messages.answerKeyText}
        <textarea ref={ref} readOnly value={text} rows={8} />
      </label>
      <button type="button" onClick={onClose}>
        {messages.answerKeyClose}
      </button>
    </div>
  );
}
