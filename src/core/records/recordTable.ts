// The records kept compact: one typed-array column per field and the refs packed five integers
// apiece, instead of one object per number. A worksheet at the format's limits has millions of
// records; as objects they cost ~300 bytes each and their garbage collection grows faster than
// their count. A record is built as an object only when it is asked for (`at`), and dies young.
import type { Backward, Forward } from '../engine/engine';
import type { Model } from '../format/worksheet';
import {
  emitRecords,
  NONE,
  OPS,
  PHASES,
  recordObject,
  refObject,
  slotKey,
  type Op,
  type Phase,
  type RecordSink,
  type Ref,
  type TraceRecord,
} from './records';

const OP_CODE = new Map(OPS.map((op, k) => [op, k]));
/** ints per packed ref: q, t, i, j, lag (NONE for an omitted t, i or j) */
const REF = 5;

/** The records of a worksheet, in the order a student works them, read by index. */
export interface RecordTable {
  readonly length: number;
  /** record n as an object, built on demand */
  at(n: number): TraceRecord;
  /** records start..end − 1 as objects (all of them by default) */
  slice(start?: number, end?: number): TraceRecord[];
  /** record n, or undefined where there is none (n outside the table) */
  get(n: number): TraceRecord | undefined;
  phase(n: number): Phase;
  q(n: number): string;
  t(n: number): number;
  i(n: number): number;
  /** the column of a matrix-valued record, else undefined */
  j(n: number): number | undefined;
  op(n: number): Op;
  value(n: number): number;
  /** the slotKey of record n */
  slot(n: number): string;
  /** the index of the record that writes a slot, or undefined */
  find(q: string, t: number, i: number, j?: number): number | undefined;
  /** the index of the record whose slotKey is `slot`, or undefined */
  findSlot(slot: string): number | undefined;
  /** every quantity some record writes */
  readonly quantities: ReadonlySet<string>;
}

/**
 * Every record of a worksheet's trace (see buildRecords), kept compact.
 * @param progress  told the fraction done after each step's records (see emitRecords)
 */
export function buildRecordTable(
  model: Model,
  fwd: Forward,
  back: Backward | null,
  progress?: (fraction: number) => void,
): RecordTable {
  const builder = createRecordTableBuilder();
  emitRecords(model, fwd, back, builder, progress);
  return builder.finish();
}

/**
 * Collects records into a RecordTable: written into it as a RecordSink (what `buildRecordTable`
 * does, nothing allocated per record), or pushed as objects one at a time.
 */
export interface RecordTableBuilder extends RecordSink {
  push(record: TraceRecord): void;
  finish(): RecordTable;
}

export function createRecordTableBuilder(): RecordTableBuilder {
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const id = (s: string) => {
    let k = nameIds.get(s);
    if (k === undefined) nameIds.set(s, (k = names.push(s) - 1));
    return k;
  };
  let cap = 256;
  let n = 0;
  let phase = new Uint8Array(cap);
  let op = new Uint8Array(cap);
  let q = new Uint16Array(cap);
  let fn = new Uint16Array(cap); // name id + 1; 0: none
  let rule = new Uint16Array(cap);
  let t = new Int16Array(cap);
  let i = new Int16Array(cap);
  let j = new Int16Array(cap);
  let value = new Float64Array(cap);
  let readsEnd = new Int32Array(cap);
  let refCap = 1024;
  let refCount = 0;
  let refs = new Int16Array(refCap * REF);
  const grow = () => {
    cap *= 2;
    phase = resized(phase, cap);
    op = resized(op, cap);
    q = resized(q, cap);
    fn = resized(fn, cap);
    rule = resized(rule, cap);
    t = resized(t, cap);
    i = resized(i, cap);
    j = resized(j, cap);
    value = resized(value, cap);
    readsEnd = resized(readsEnd, cap);
  };
  const builder: RecordTableBuilder = {
    id,
    ref(rq, rt, ri, rj, lag) {
      if (refCount === refCap) refs = resized(refs, (refCap *= 2) * REF);
      const at = refCount++ * REF;
      refs[at] = rq;
      refs[at + 1] = rt;
      refs[at + 2] = ri;
      refs[at + 3] = rj;
      refs[at + 4] = lag;
    },
    record(rphase, rq, rt, ri, rj, rop, rfn, rrule, rvalue) {
      if (n === cap) grow();
      phase[n] = rphase;
      op[n] = rop;
      q[n] = rq;
      fn[n] = rfn + 1;
      rule[n] = rrule + 1;
      t[n] = rt;
      i[n] = ri;
      j[n] = rj;
      value[n] = rvalue;
      readsEnd[n] = refCount;
      n++;
    },
    push(r) {
      for (const ref of r.reads) builder.ref(id(ref.q), ref.t ?? NONE, ref.i ?? NONE, ref.j ?? NONE, ref.lag ?? 0);
      const phaseCode = r.phase === 'forward' ? 0 : 1;
      const fnId = r.fn === undefined ? NONE : id(r.fn);
      const ruleId = r.rule === undefined ? NONE : id(r.rule);
      builder.record(phaseCode, id(r.q), r.t, r.i, r.j ?? NONE, OP_CODE.get(r.op) as number, fnId, ruleId, r.value);
    },
    finish() {
      return recordTable(n, names, {
        phase: phase.slice(0, n),
        op: op.slice(0, n),
        q: q.slice(0, n),
        fn: fn.slice(0, n),
        rule: rule.slice(0, n),
        t: t.slice(0, n),
        i: i.slice(0, n),
        j: j.slice(0, n),
        value: value.slice(0, n),
        readsEnd: readsEnd.slice(0, n),
        refs: refs.slice(0, refCount * REF),
      });
    },
  };
  return builder;
}

/** A RecordTable of records already built as objects (tests, and small sheets made by hand). */
export function toRecordTable(records: readonly TraceRecord[]): RecordTable {
  const builder = createRecordTableBuilder();
  for (const r of records) builder.push(r);
  return builder.finish();
}

type Typed = Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array;
function resized<A extends Typed>(a: A, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}

interface Columns {
  readonly phase: Uint8Array;
  readonly op: Uint8Array;
  readonly q: Uint16Array;
  readonly fn: Uint16Array;
  readonly rule: Uint16Array;
  readonly t: Int16Array;
  readonly i: Int16Array;
  readonly j: Int16Array;
  readonly value: Float64Array;
  readonly readsEnd: Int32Array;
  readonly refs: Int16Array;
}

/**
 * A RecordTable taken apart: its names and its typed-array columns, each the only view of its
 * own buffer, so that the buffers can be transferred to another thread (a worker) uncopied.
 */
export interface RecordTableColumns extends Columns {
  readonly length: number;
  readonly names: readonly string[];
}

// the parts of each table built here, for taking it apart again
const parts = new WeakMap<RecordTable, RecordTableColumns>();

/**
 * The columns of a table, for recordTableFromColumns (in a worker: posted with columnBuffers as
 * the transfer list, after which the table reads detached, empty columns).
 * A table made otherwise (withValue) is built again from its records.
 */
export function recordTableColumns(table: RecordTable): RecordTableColumns {
  return parts.get(table) ?? (parts.get(toRecordTable(table.slice())) as RecordTableColumns);
}

/** The table again, reading the same columns (nothing copied). */
export function recordTableFromColumns(columns: RecordTableColumns): RecordTable {
  return recordTable(columns.length, columns.names, columns);
}

/** The buffers of the columns, each once: the transfer list of a postMessage. */
export function columnBuffers(columns: RecordTableColumns): ArrayBuffer[] {
  const { phase, op, q, fn, rule, t, i, j, value, readsEnd, refs } = columns;
  const buffers = [phase, op, q, fn, rule, t, i, j, value, readsEnd, refs].map((a) => a.buffer as ArrayBuffer);
  return [...new Set(buffers)];
}

function recordTable(length: number, names: readonly string[], c: Columns): RecordTable {
  const quantities = new Set<string>();
  const seen = new Uint8Array(names.length);
  for (let n = 0; n < length; n++) {
    const q = c.q[n] as number;
    if (seen[q] === 0) quantities.add(names[q] as string);
    seen[q] = 1;
  }
  let slots: SlotIndex | null = null;
  const ref = (k: number): Ref => {
    const at = k * REF;
    const field = (f: number) => c.refs[at + f] as number;
    return refObject(names[field(0)] as string, field(1), field(2), field(3), field(4));
  };
  const name = (k: number) => (k === 0 ? undefined : names[k - 1]);
  const readsStart = (n: number) => (n === 0 ? 0 : (c.readsEnd[n - 1] as number));
  const table: RecordTable = {
    length,
    quantities,
    at(n) {
      const reads: Ref[] = [];
      for (let k = readsStart(n); k < (c.readsEnd[n] as number); k++) reads.push(ref(k));
      const [phase, op, j] = [c.phase[n] as number, c.op[n] as number, c.j[n] as number];
      const [fn, rule] = [name(c.fn[n] as number), name(c.rule[n] as number)];
      return recordObject(phase, table.q(n), table.t(n), table.i(n), j, op, fn, rule, reads, table.value(n));
    },
    slice(start = 0, end = length) {
      const out: TraceRecord[] = [];
      for (let n = Math.max(0, start); n < Math.min(end, length); n++) out.push(table.at(n));
      return out;
    },
    get: (n) => (Number.isInteger(n) && n >= 0 && n < length ? table.at(n) : undefined),
    phase: (n) => PHASES[c.phase[n] as number] as Phase,
    q: (n) => names[c.q[n] as number] as string,
    t: (n) => c.t[n] as number,
    i: (n) => c.i[n] as number,
    j: (n) => {
      const j = c.j[n] as number;
      return j === NONE ? undefined : j;
    },
    op: (n) => OPS[c.op[n] as number] as Op,
    value: (n) => c.value[n] as number,
    slot: (n) => slotKey(table.q(n), table.t(n), table.i(n), table.j(n)),
    find(q, t, i, j) {
      slots ??= slotIndex(length, names, c);
      return slots.find(q, t, i, j);
    },
    findSlot(slot) {
      const parsed = parseSlot(slot);
      return parsed ? table.find(parsed.q, parsed.t, parsed.i, parsed.j) : undefined;
    },
  };
  parts.set(table, { length, names, ...c });
  return table;
}

/** The same records with record n's value replaced (a sheet worked on someone's own numbers). */
export function withValue(table: RecordTable, n: number, value: number): RecordTable {
  return {
    ...table,
    at: (k) => (k === n ? { ...table.at(n), value } : table.at(k)),
    get: (k) => (k === n ? { ...table.at(n), value } : table.get(k)),
    slice: (start, end) => table.slice(start, end).map((r, k) => (k + (start ?? 0) === n ? { ...r, value } : r)),
    value: (k) => (k === n ? value : table.value(k)),
  };
}

interface SlotIndex {
  find(q: string, t: number, i: number, j?: number): number | undefined;
}

/**
 * Where each slot's record is: per quantity, a dense Int32Array over (t, i, j), sized by the
 * largest t, i and j the quantity has (4 bytes a record, against ~70 for a Map of slot strings).
 */
function slotIndex(length: number, names: readonly string[], c: Columns): SlotIndex {
  const dims = names.map(() => ({ t: 0, i: 0, j: 0, cells: null as Int32Array | null }));
  for (let n = 0; n < length; n++) {
    const d = dims[c.q[n] as number]!;
    d.t = Math.max(d.t, (c.t[n] as number) + 1);
    d.i = Math.max(d.i, (c.i[n] as number) + 1);
    d.j = Math.max(d.j, (c.j[n] as number) + 1);
  }
  for (const d of dims) if (d.t > 0) d.cells = new Int32Array(d.t * d.i * Math.max(1, d.j)).fill(-1);
  // a matrix-valued quantity has j for every record; a vector's records have none (stored at j = 0)
  const cell = (d: (typeof dims)[number], t: number, i: number, j: number) => (t * d.i + i) * Math.max(1, d.j) + j;
  for (let n = 0; n < length; n++) {
    const d = dims[c.q[n] as number]!;
    const j = c.j[n] as number;
    (d.cells as Int32Array)[cell(d, c.t[n] as number, c.i[n] as number, j === NONE ? 0 : j)] = n;
  }
  const ids = new Map(names.map((s, k) => [s, k]));
  return {
    find(q, t, i, j) {
      const k = ids.get(q);
      const d = k === undefined ? undefined : dims[k];
      if (!d?.cells || t < 0 || t >= d.t || i < 0 || i >= d.i) return undefined;
      // a vector slot is asked without j; a matrix slot with one
      if ((j === undefined) !== (d.j === 0) || (j !== undefined && (j < 0 || j >= d.j))) return undefined;
      const n = d.cells[cell(d, t, i, j ?? 0)] as number;
      return n < 0 ? undefined : n;
    },
  };
}

/** slotKey read back: "q@t[i]" or "q@t[i][j]". */
export function parseSlot(slot: string): { q: string; t: number; i: number; j?: number } | undefined {
  const m = /^(.*)@(\d+)\[(\d+)\](?:\[(\d+)\])?$/.exec(slot);
  if (!m) return undefined;
  const parsed = { q: m[1] as string, t: Number(m[2]), i: Number(m[3]) };
  return m[4] === undefined ? parsed : { ...parsed, j: Number(m[4]) };
}
