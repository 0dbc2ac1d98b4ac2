// One number on the sheet. It subscribes to its own state (hidden until its frame, being written,
// being read), so a step re-renders only the cells whose state changes.
import { memo } from 'react';
import { slotKey } from '../../core/records';
import { selectView } from '../../store/worksheetStore';
import { displayNumber } from '../displayNumber';
import { messages } from '../messages';
import { useWorksheet } from '../storeContext';

interface Props {
  q: string;
  t: number;
  i: number;
  j?: number | undefined;
  /** the record that writes it; undefined for a given (a parameter, an input, h₀) */
  record: number | undefined;
  value: number;
  decimals: number;
  /** the full-precision value is worth showing on hover (exact carry) */
  exact: boolean;
  /** for a parameter drawn in every step's panel: the panel's step, so only the current one lights up */
  panel?: number | undefined;
  /**
   * for a copy of a vector drawn above a product's matrix: that product, so the copy lights up only
   * while its product is being worked out (and the vector's own column lights up for every other read)
   */
  copyFor?: string | undefined;
}

export const SheetCell = memo(function SheetCell({
  q,
  t,
  i,
  j,
  record,
  value,
  decimals,
  exact,
  panel,
  copyFor,
}: Props) {
  const key = slotKey(q, t, i, j);
  const state = useWorksheet((s) => {
    const view = selectView(s);
    const visible = record === undefined || record <= view.lastVisible;
    // a product reads its vector from the copy above its matrix; the matrix's own cells (which
    // carry their panel) light up in that panel; a vector's own column lights up for other reads
    const inPlace = copyFor !== undefined ? copyFor === view.q : panel !== undefined || view.op !== 'matvec';
    const read = view.reads.has(key) && inPlace && (panel === undefined || panel === view.step);
    const role = view.current.has(key) ? 'current' : read ? 'read' : 'none';
    return `${visible ? 'shown' : 'hidden'} ${role}`;
  });
  const [visibility, role] = state.split(' ') as ['shown' | 'hidden', 'current' | 'read' | 'none'];
  const shown = visibility === 'shown';
  const text = shown ? displayNumber(value, decimals) : '';
  return (
    <span
      className={`sheet-cell ${visibility} role-${role}`}
      data-q={q}
      data-t={t}
      data-i={i}
      data-j={j}
      data-role={role === 'none' ? undefined : role}
      title={shown && exact ? String(value) : undefined}
      aria-label={shown ? undefined : messages.emptyCell}
    >
      {text}
    </span>
  );
});
