// "Copy answer key" puts the sheet's numbers on the clipboard, or shows them to copy by hand.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorksheetStore } from '../../../src/store/worksheetStore';
import { App } from '../../../src/ui/app/App';

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

function clipboard(writeText: (text: string) => Promise<void>) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: spy }, configurable: true });
  return spy;
}

describe('copying the answer key', () => {
  it("Tom Yeh's sheet as Markdown: 36 values, h₂[2] = 17 among them", async () => {
    const writeText = clipboard(() => Promise.resolve());
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy answer key (Markdown)' }));
    await waitFor(
      () =>
        expect(screen.getByRole('status')).toHaveTextContent('Copied the answer key: 36 values, as a Markdown table.'),
      { timeout: 3000 },
    );
    const text = writeText.mock.calls[0]![0];
    expect(text.split('\n')[0]).toBe('| Step | Quantity | Value |');
    expect(text).toContain('| 2 | h₂[2] | 17 |');
  });

  it('as CSV, and where the browser refuses, the text is shown selected to copy by hand', async () => {
    clipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    render(<App store={createWorksheetStore('rnn-by-hand')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy answer key (CSV)' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('The browser did not allow copying');
    const box = screen.getByRole('textbox', { name: 'Answer key' }) as HTMLTextAreaElement;
    // a text box keeps its lines as LF, which spreadsheets read as well
    expect(box.value.split(/\r?\n/)).toContain('2,h₂[2],17');
    // focused by an effect after the render (seen once, under load, a moment late)
    await waitFor(() => expect(box).toHaveFocus());
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('textbox', { name: 'Answer key' })).not.toBeInTheDocument();
  });
});
