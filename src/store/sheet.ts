// The computed sheet of a worksheet file: the model, the trace and its records, or the problems
// that keep it from loading. Derived data: computed once per file and memoised, never stored.
import { buildRecordTable, recordTableFromColumns, type RecordTable } from '../core/records/recordTable';
import { createSheet, type Sheet } from '../core/records/tex';
import { computeTrace } from '../core/engine/trace';
import { loadWorksheet, type Problem } from '../core/format/validate';
import { otherCarryFile } from '../core/format/worksheet';
import { findBuiltIn, type BuiltInWorksheet } from '../worksheets';
import type { SheetParts } from './sheetJob';

export type ComputedSheet =
  | { readonly ok: true; readonly sheet: Sheet; readonly records: RecordTable }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const memo = new WeakMap<object, ComputedSheet>();

export function computeSheet(file: unknown): ComputedSheet {
  const cached = typeof file === 'object' && file !== null ? memo.get(file) : undefined;
  if (cached) return cached;
  const loaded = loadWorksheet(file);
  let result: ComputedSheet;
  if (!loaded.ok) result = { ok: false, problems: loaded.problems };
  else {
    const { forward, backward } = computeTrace(loaded.model);
    const records = buildRecordTable(loaded.model, forward, backward);
    result = { ok: true, sheet: createSheet(loaded.model, records), records };
  }
  if (typeof file === 'object' && file !== null) memo.set(file, result);
  return result;
}

const chainedMemo = new WeakMap<object, unknown>();

/**
 * The file a built-in worksheet opens with: for one that continues another (a decoder), its h0
 * is the other's last h, computed from that worksheet.
 */
export function builtInFile(w: BuiltInWorksheet): unknown {
  const source = w.chainedFrom ? findBuiltIn(w.chainedFrom) : undefined;
  if (!source || typeof w.file !== 'object' || w.file === null) return w.file;
  const cached = chainedMemo.get(w.file);
  if (cached) return cached;
  const before = computeSheet(builtInFile(source));
  if (!before.ok) return w.file;
  const { model } = before.sheet;
  const h0 = Array.from({ length: model.H }, (_v, i) => before.sheet.value('h', model.T, i));
  const file = { ...w.file, h0 };
  chainedMemo.set(w.file, file);
  return file;
}

const otherMemo = new WeakMap<object, ComputedSheet>();
const NOT_A_FILE: ComputedSheet = { ok: false, problems: [] };

/**
 * The same worksheet carried the other way (rounded ↔ exact): what a student gets who rounds
 * where the sheet carries exactly, or the reverse.
 */
export function otherCarrySheet(file: unknown): ComputedSheet {
  if (typeof file !== 'object' || file === null) return NOT_A_FILE;
  const cached = otherMemo.get(file);
  if (cached) return cached;
  const result = computeSheet(otherCarryFile(file));
  otherMemo.set(file, result);
  return result;
}

/**
 * Hands computeSheet the sheet of `file` computed elsewhere (by a worker, see sheetWorker.ts), so
 * that opening the file computes nothing more on the main thread. A sheet already there is kept:
 * what has been derived from it stays valid.
 */
export function primeSheet(file: object, parts: SheetParts): ComputedSheet {
  return primed(memo, file, parts);
}

/** The same for otherCarrySheet: the sheet of `file` carried the other way. */
export function primeOtherCarrySheet(file: object, parts: SheetParts): ComputedSheet {
  return primed(otherMemo, file, parts);
}

function primed(into: WeakMap<object, ComputedSheet>, file: object, parts: SheetParts): ComputedSheet {
  const cached = into.get(file);
  if (cached) return cached;
  const result = fromParts(parts);
  into.set(file, result);
  return result;
}

// the Sheet is only the model and the records behind a lookup: cheap to make again here
function fromParts(parts: SheetParts): ComputedSheet {
  if (!parts.ok) return { ok: false, problems: parts.problems };
  const records = recordTableFromColumns(parts.columns);
  return { ok: true, sheet: createSheet(parts.model, records), records };
}
