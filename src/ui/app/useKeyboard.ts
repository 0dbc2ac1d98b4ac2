// The keyboard drives the walkthrough from anywhere on the page (a presenter's clicker sends
// PageDown / PageUp), except while the user is typing in a field or moving a slider (whose arrows move it);
// on the worksheet picker, ← and → step the sheet rather than change the worksheet.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { WorksheetState } from '../../store/worksheetStore';

export function keyAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ((s: WorksheetState) => void) | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
      return event.shiftKey ? (s) => s.nextStep() : (s) => s.next();
    case 'ArrowLeft':
      return event.shiftKey ? (s) => s.previousStep() : (s) => s.previous();
    case ' ':
    case 'PageDown':
      return (s) => s.next();
    case 'Backspace':
    case 'PageUp':
      return (s) => s.previous();
    case 'Home':
      return (s) => s.first();
    case 'End':
      return (s) => s.last();
    case 'p':
    case 'P':
      return (s) => s.setPresenting(!s.presenting);
    case 'Escape':
      return (s) => s.setPresenting(false);
    // the room's type size, while presenting
    case '+':
    case '=':
      return (s) => s.presenting && s.setPresentSize(s.presentSize + 1);
    case '-':
      return (s) => s.presenting && s.setPresentSize(s.presentSize - 1);
    default:
      return null;
  }
}

export function useKeyboard(store: StoreApi<WorksheetState>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // the target may be the document itself (a key with nothing focused), which has no closest()
      const target = event.target instanceof Element ? event.target : null;
      // ← and → on the worksheet picker would open another worksheet under a lecturer who only
      // meant to step: they step the sheet there too (↑ and ↓ still choose a worksheet)
      const onPicker = target?.closest('.picker select') && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
      if (onPicker) event.preventDefault();
      if (
        !onPicker &&
        target?.closest(
          'input[type="text"], input[type="number"], input[type="range"], textarea, select, [contenteditable="true"]',
        )
      )
        return;
      // Space always means "next frame", even on a focused button (which Enter still presses)
      const action = keyAction(event);
      if (!action) return;
      // in practice and a quiz the keys belong to the answer cells; only presenting stays on P / Esc
      if (store.getState().mode !== 'walkthrough' && !['p', 'P', 'Escape', '+', '=', '-'].includes(event.key)) return;
      event.preventDefault();
      action(store.getState());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}
