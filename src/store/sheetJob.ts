// The heavy part of opening a worksheet file, as a worker runs it (sheet.worker.ts): validate the
// text, trace it, build its records, and post them as transferable columns; then the same for the
// file carried the other way, which practice compares answers with. Only core is used here, so
// the worker's bundle holds the engine and nothing of the app; the replies are plain data (the
// Sheet object has functions, so it is made again on the main thread from the model and records).
import { computeTrace } from '../core/engine/trace';
import { loadWorksheet, parseWorksheet, type Problem } from '../core/format/validate';
import { otherCarryFile, type Model, type WorksheetFile } from '../core/format/worksheet';
import {
  buildRecordTable,
  columnBuffers,
  recordTableColumns,
  type RecordTableColumns,
} from '../core/records/recordTable';

/** What the main thread asks: the file's text, as read. */
export interface SheetRequest {
  readonly text: string;
}

/** A computed sheet as data: the model and the record columns, or why it cannot be computed. */
export type SheetParts =
  | { readonly ok: true; readonly model: Model; readonly columns: RecordTableColumns }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** The replies to one request, in this order: progress…, then problems, or sheet then other. */
export type SheetReply =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'problems'; readonly problems: readonly Problem[] }
  | { readonly kind: 'sheet'; readonly file: WorksheetFile; readonly parts: SheetParts & { ok: true } }
  | { readonly kind: 'other'; readonly parts: SheetParts };

/** postMessage, with the buffers it hands over uncopied. */
export type PostReply = (reply: SheetReply, transfer: ArrayBuffer[]) => void;

export function runSheetJob(text: string, post: PostReply): void {
  const loaded = parseWorksheet(text);
  if (!loaded.ok) {
    post({ kind: 'problems', problems: loaded.problems }, []);
    return;
  }
  const parts = modelParts(loaded.model, everyPercent(post));
  post({ kind: 'sheet', file: loaded.file, parts }, columnBuffers(parts.columns));
  const other = loadWorksheet(otherCarryFile(loaded.file));
  const otherParts: SheetParts = other.ok ? modelParts(other.model) : { ok: false, problems: other.problems };
  post({ kind: 'other', parts: otherParts }, otherParts.ok ? columnBuffers(otherParts.columns) : []);
}

function modelParts(model: Model, progress?: (fraction: number) => void): SheetParts & { ok: true } {
  const { forward, backward } = computeTrace(model);
  const records = buildRecordTable(model, forward, backward, progress);
  return { ok: true, model, columns: recordTableColumns(records) };
}

// a message per step would be 2T renders of the bar on the main thread; a bar moves in percents
function everyPercent(post: PostReply): (fraction: number) => void {
  let posted = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === posted) return;
    posted = percent;
    post({ kind: 'progress', fraction: percent / 100 }, []);
  };
}
