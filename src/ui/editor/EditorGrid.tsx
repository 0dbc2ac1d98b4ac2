// One matrix or vector of the draft as a grid of text inputs: typed texts kept as typed, a block
// pasted from a spreadsheet filling it from the cell pasted into, and each message shown under
// the grid beside the cells it names (aria-invalid, aria-describedby).
import { useId, type ReactNode } from 'react';
import type { Grid } from '../../core/editor/draft';
import { messages } from '../messages/messages';

export interface GridMessage {
  readonly path: string;
  readonly text: string;
}

interface Props {
  /** the grid's name as shown (W_hr, h0 …) */
  readonly name: string;
  readonly grid: Grid;
  /** a vector: one row, its entries named by one index */
  readonly vector: boolean;
  /** the path of the grid's value in the file: messages under it belong to this grid */
  readonly path: string;
  readonly cellPath: (row: number, col: number) => string;
  /** every message of the draft, by path */
  readonly messagesAt: ReadonlyMap<string, readonly string[]>;
  onCell(row: number, col: number, text: string): void;
  /** a multi-cell paste into (row, col); returns whether it was taken (else the input pastes as usual) */
  onPasteBlock(row: number, col: number, text: string): boolean;
  readonly actions?: ReactNode;
}

/** A paste that is more than one number: a line break, a tab, a semicolon or blanks between numbers. */
const isBlock = (text: string): boolean => /[\t\n;]/.test(text.trim()) || /\S\s+\S/.test(text.trim());

/** Messages that concern a grid: at its path, or at one of its rows or cells. */
function ownMessages(path: string, messagesAt: ReadonlyMap<string, readonly string[]>): GridMessage[] {
  const own: GridMessage[] = [];
  for (const [p, texts] of messagesAt)
    if (p === path || p.startsWith(`${path}[`)) for (const text of texts) own.push({ path: p, text });
  return own;
}

export function EditorGrid(props: Props) {
  const { name, grid, vector, path, cellPath, messagesAt } = props;
  const id = useId();
  const own = ownMessages(path, messagesAt);
  const messageId = (k: number) => `${id}-m${k}`;
  // a cell is described by the messages at it, at its row, or at the whole grid (a wrong shape)
  const describedBy = (row: number, col: number): number[] => {
    const at = cellPath(row, col);
    const rowPath = `${path}[${row}]`;
    return own.flatMap((m, k) => (m.path === at || (!vector && m.path === rowPath) || m.path === path ? [k] : []));
  };
  const cols = grid[0]?.length ?? 0;
  return (
    <fieldset className="editor-grid">
      <legend>
        <span className="editor-grid-name">{name}</span>
        <span className="editor-grid-shape">{vector ? `${cols}` : `${grid.length}×${cols}`}</span>
        {props.actions && <span className="editor-grid-actions">{props.actions}</span>}
      </legend>
      <div className="editor-cells" style={{ gridTemplateColumns: `repeat(${cols}, minmax(3.2rem, 4.5rem))` }}>
        {grid.map((row, r) =>
          row.map((text, c) => {
            const described = describedBy(r, c);
            const invalid = described.length > 0;
            return (
              <input
                key={`${r}-${c}`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                className="editor-cell"
                data-path={cellPath(r, c)}
                aria-label={messages.editorCellLabel(name, r, c, vector)}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? described.map(messageId).join(' ') : undefined}
                value={text}
                onChange={(e) => props.onCell(r, c, e.target.value)}
                onPaste={(e) => {
                  const pasted = e.clipboardData.getData('text/plain');
                  if (isBlock(pasted) && props.onPasteBlock(r, c, pasted)) e.preventDefault();
                }}
              />
            );
          }),
        )}
      </div>
      {own.length > 0 && (
        <ul className="editor-cell-messages">
          {own.map((m, k) => (
            <li key={`${m.path}:${m.text}`} id={messageId(k)}>
              <code>{m.path}</code>: {m.text}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
