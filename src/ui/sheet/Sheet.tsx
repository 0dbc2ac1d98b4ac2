// The whole forward pass on one sheet, in the by-hand style: the inputs along the top, then each
// step's products, sums and activations in the places the layout gives them. Rendered once per
// worksheet; stepping changes only the cells (see SheetCell). A sheet too large to draw whole
// draws the steps in view and the one being worked (see stepWindow.ts).
import { memo, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { givenPlaces, maxGivenPlaces, maxWrittenDecimals, writtenDecimals } from '../../core/engine/carry';
import { slotKey } from '../../core/records/records';
import type { RecordTable } from '../../core/records/recordTable';
import { weightShares, type WeightShares } from '../../core/records/shares';
import { paramTex, quantityTex, type Sheet as EngineSheet } from '../../core/records/tex';
import { SHOWN_LABEL_CHARS, shownText } from '../../core/format/shownText';
import { drawsGradients, selectSheet } from '../../store/worksheetStore';
import { vectorLength } from '../../store/view';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';
import { Tex } from '../common/Tex';
import { cellPlace } from '../common/quantityText';
import {
  layoutGradients,
  layoutSteps,
  type Block,
  type GradientBlock,
  type GradientLayout,
  type StepLayout,
} from './layout';
import { SheetCell } from './SheetCell';
import { StepShares } from './StepShares';
import { roleIn, useBlockLook, type BlockLook, type Part, type Placement } from './cellLook';
import {
  revealStep,
  selectCurrentQuantity,
  selectCurrentStep,
  stepCellCount,
  useStepWindow,
  WHOLE_SHEET_CELLS,
} from './stepWindow';
import './Sheet.css';

export function Sheet() {
  const computed = useWorksheet(selectSheet);
  if (!computed.ok) return null;
  return <SheetBody sheet={computed.sheet} records={computed.records} />;
}

const NO_GRADIENTS: GradientLayout = { steps: new Map(), totals: [] };
const NO_SHARES: readonly WeightShares[] = [];

/** Where a cell is drawn: in a parameter's panel, as a copy above a product, at a place in its grid. */
interface CellAt extends Placement {
  readonly j?: number;
  readonly panel?: number;
  readonly copyFor?: string;
}

/** Draws the number at q, t, i (and j) as the block's look says. */
type CellFor = (q: string, t: number, i: number, at: CellAt, look: BlockLook) => React.ReactElement;

/** What a block needs of the sheet: the numbers, the records' ranges, and a way to draw a cell. */
interface SheetParts {
  readonly sheet: EngineSheet;
  readonly cell: CellFor;
  /** the part for quantity q at step t (0 for a parameter), with the range of the records writing it */
  readonly part: (q: string, t: number, length: number, panel?: number) => Part;
  /** the part for a matrix-valued quantity (a parameter's gradient) */
  readonly matrixPart: (q: string, rows: number, cols: number) => Part;
}

const SheetBody = memo(function SheetBody({ sheet, records }: { sheet: EngineSheet; records: RecordTable }) {
  const { model } = sheet;
  const layout = useMemo(() => layoutSteps(records), [records]);
  const backward = useWorksheet(drawsGradients);
  const walking = useWorksheet((s) => s.mode === 'walkthrough');
  // laid out only then: opening a large file does not walk its records for them
  const gradients = useMemo(() => (backward ? layoutGradients(records) : NO_GRADIENTS), [records, backward]);
  const hasTotal = records.find('L', 0, 0) !== undefined;
  const windowed = useMemo(() => {
    const size = (W: string) => (W === 'W_hy' ? model.readout?.W_hy : model.weights.get(W)) ?? { rows: 0, cols: 0 };
    return layout.reduce((sum, step) => sum + stepCellCount(step, size), 0) > WHOLE_SHEET_CELLS;
  }, [layout, model]);
  // what each step adds to each weight's gradient: on a sheet drawn whole, while they are not
  // more numbers than such a sheet has (each weight's grid twice a step: they soon outnumber it)
  const shares = useMemo(() => {
    if (!backward || windowed) return NO_SHARES;
    const weights = gradients.totals.flatMap((b) => {
      const w = b.kind === 'matrix' ? weightShares(sheet, b.q) : null;
      return w ? [w] : [];
    });
    const cells = weights.reduce((sum, w) => sum + 2 * w.steps.length * w.rows * w.cols, 0);
    return cells <= WHOLE_SHEET_CELLS ? weights : NO_SHARES;
  }, [backward, windowed, gradients, sheet]);
  // a sheet drawn whole still draws the steps up to the one being worked first, those after it just
  // after the first paint (in a transition, to the right of what is drawn, so nothing drawn moves):
  // opening a worksheet, its givens and first numbers are on screen sooner
  const settled = useDeferredValue(true, false);
  const current = useWorksheet((s) => (windowed || !settled ? selectCurrentStep(s) : 0));
  // and of the step being worked, the rows down to the one being worked (on a laptop's screen about
  // what is in view), the rows under them just after too, so nothing drawn moves either
  const currentQ = useWorksheet((s) => (settled ? null : selectCurrentQuantity(s)));
  const rowsNow = (step: StepLayout) => {
    if (step.t !== current || currentQ === null) return undefined;
    const k = step.rows.findIndex((row) => row.some((block) => block.q === currentQ));
    return k < 0 ? undefined : k + 1;
  };
  const stepsRef = useRef<HTMLDivElement>(null);
  const stepBox = useStepBox(stepsRef, windowed, layout);
  const drawn = useStepWindow(stepsRef, windowed, current, stepBox !== null, layout, settled);
  const isDrawn = (t: number) => drawn === null || drawn.has(t);
  // one for the sheet, so that a step whose window does not change is not drawn again
  const parts = useMemo<SheetParts>(() => {
    const cell: CellFor = (q, t, i, at, look) => {
      const value = sheet.value(q, t, i, at.j);
      const record = records.find(q, t, i, at.j);
      const key = slotKey(q, t, i, at.j);
      return (
        <SheetCell
          key={key}
          q={q}
          t={t}
          i={i}
          j={at.j}
          record={record}
          value={value}
          // a given as typed (4 as 4, 0.5 as 0.5); what is worked out at the sheet's places
          decimals={record === undefined ? givenPlaces(value, model.decimals) : writtenDecimals(model, q, value)}
          exact={model.carry === 'exact'}
          panel={at.panel}
          copyFor={at.copyFor}
          part={at.part}
          row={at.row}
          col={at.col}
          practising={look.practising}
          shown={isShown(record, look)}
          role={look.printing ? 'none' : roleIn(look.view, key, at.panel, at.copyFor)}
          place={cellPlace(model, q, t, i, at.j)}
        />
      );
    };
    // the first and last record writing q at step t, over its rows (and its columns, for a matrix)
    const range = (q: string, t: number, rows: number, cols?: number): Part => {
      let first = Infinity;
      let last = -1;
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < (cols ?? 1); j++) {
          const n = records.find(q, t, i, cols === undefined ? undefined : j);
          if (n !== undefined) [first, last] = [Math.min(first, n), Math.max(last, n)];
        }
      return { q, t, first, last };
    };
    const part = (q: string, t: number, length: number, panel?: number): Part => ({ ...range(q, t, length), panel });
    const matrixPart = (q: string, rows: number, cols: number): Part => range(q, 0, rows, cols);
    return { sheet, cell, part, matrixPart };
  }, [sheet, records, model]);
  // wide enough for the longest number written (a sign, two digits, the point, the places) and the ✓ beside it
  const places = useMemo(() => Math.max(maxWrittenDecimals(model), maxGivenPlaces(model)), [model]);
  const width = Math.max(3.6, 0.6 * (places + 4) + 1.1);
  // gradients grow large (∂L/∂h₀ = −268750 on "ciao"): their cells, answer cells too, as wide as
  // the widest, a digit more than two at a time (and the room a gradient cell keeps either side)
  const gradientWidth = useMemo(() => {
    const digits = backward ? gradientDigits(records) : 0;
    return digits <= 2 ? width : width + 0.7 * (digits - 2) + 0.8;
  }, [backward, width, records]);
  const widths = { '--cell-width': `${width}em`, '--gradient-cell-width': `${gradientWidth}em` };
  return (
    <div className="sheet" style={widths as React.CSSProperties}>
      {/* the steps' own headings (h3) come under a heading of the sheet's, as the page's outline reads */}
      <h2 className="sr-only">{messages.sheetHeading}</h2>
      <section className="inputs" aria-label={messages.inputsLabel}>
        <span className="inputs-label">
          <Tex tex="X" />
        </span>
        {model.xs.map((x, k) =>
          !isDrawn(k + 1) ? (
            // one ⋯ for each run of inputs not drawn, the first ones too
            (k === 0 || isDrawn(k)) && (
              <span className="inputs-gap" key={k} aria-hidden="true">
                ⋯
              </span>
            )
          ) : (
            <InputColumn key={k} t={k + 1} length={x.length} token={model.tokens?.[k]} parts={parts} />
          ),
        )}
      </section>
      {/* it scrolls sideways: the keyboard reaches it where no cell in it takes the focus (the walkthrough) */}
      <div
        className="steps"
        ref={stepsRef}
        {...(walking ? { tabIndex: 0, role: 'region', 'aria-label': messages.stepsRegionLabel } : {})}
      >
        {layout.map((step) => (
          <section
            className={isDrawn(step.t) ? 'step' : 'step not-drawn'}
            key={step.t}
            data-step={step.t}
            aria-label={messages.stepLabel(step.t)}
            tabIndex={-1}
            style={isDrawn(step.t) || !stepBox ? undefined : { width: stepBox.width, height: stepBox.height }}
          >
            <h3 className="step-title">{messages.stepLabel(step.t)}</h3>
            {!isDrawn(step.t) && <DrawStep t={step.t} />}
            {isDrawn(step.t) && <StepBody step={step} parts={parts} rows={rowsNow(step)} />}
            {backward && isDrawn(step.t) && (
              <GradientBand blocks={gradients.steps.get(step.t)} t={step.t} parts={parts} />
            )}
            {backward && isDrawn(step.t) && <StepShares weights={shares} t={step.t} sheet={sheet} />}
          </section>
        ))}
        {hasTotal && (
          <section className="step total" aria-label={messages.totalLoss}>
            <h3 className="step-title">{messages.totalLoss}</h3>
            <VectorBlock block={{ kind: 'vector', q: 'L', length: 1 }} t={0} parts={parts} />
          </section>
        )}
        {backward && gradients.totals.length > 0 && (
          <section className="step gradients" aria-label={messages.gradientsLabel}>
            <h3 className="step-title">{messages.gradientsLabel}</h3>
            <div className="sheet-row">
              {gradients.totals.map((block) => (
                <GradientView key={block.q} block={block} parts={parts} whole={!windowed || drawn === null} />
              ))}
            </div>
          </section>
        )}
      </div>
    </div>
  );
});

/** A given always; a worked-out number once its frame is reached, or on the key, never on a blank handout. */
function isShown(record: number | undefined, look: BlockLook): boolean {
  if (record === undefined) return true;
  if (look.printing !== null) return look.printing === 'key';
  return record <= look.view.lastVisible;
}

/**
 * In a step not drawn, the way to its numbers for a screen reader's user, who reads on rather than
 * scrolls: it draws the step, then puts the focus on it, so that reading goes on with its numbers.
 * Out of sight (a step scrolled to is drawn anyway) and out of the Tab order, which would
 * otherwise pass a button for every step of a long file; the keyboard has the t = … buttons.
 */
function DrawStep({ t }: { t: number }) {
  const draw = (e: React.MouseEvent<HTMLButtonElement>) => {
    const section = e.currentTarget.closest('.step') as HTMLElement | null;
    revealStep(t);
    const focusWhenDrawn = (tries: number) => {
      if (section?.querySelector('.sheet-cell')) section.focus();
      else if (tries > 0) requestAnimationFrame(() => focusWhenDrawn(tries - 1));
    };
    requestAnimationFrame(() => focusWhenDrawn(120));
  };
  return (
    <button type="button" className="draw-step sr-only" tabIndex={-1} onClick={draw}>
      {messages.drawStep(t)}
    </button>
  );
}

/** The most digits before the point of any gradient (1 for those under 10). */
function gradientDigits(records: RecordTable): number {
  let largest = 0;
  for (let n = 0; n < records.length; n++)
    if (records.phase(n) === 'backward') largest = Math.max(largest, Math.abs(records.value(n)));
  return largest < 10 ? 1 : Math.floor(Math.log10(largest)) + 1;
}

/** The input x_t along the top of the sheet. */
function InputColumn({
  t,
  length,
  token,
  parts,
}: {
  t: number;
  length: number;
  token: string | undefined;
  parts: SheetParts;
}) {
  const quantities = useMemo(() => [parts.part('x', t, length)], [parts, t, length]);
  const look = useBlockLook(quantities);
  return (
    <div className="input">
      <span className="block-head">
        <Tex tex={quantityTex(parts.sheet.model, 'x', t)} />
      </span>
      {Array.from({ length }, (_v, i) => parts.cell('x', t, i, {}, look))}
      {token !== undefined && <span className="token">{shownText(token, SHOWN_LABEL_CHARS)}</span>}
    </div>
  );
}

/** A step's rows of blocks: the first `rows` of them, or all. */
const StepBody = memo(function StepBody({
  step,
  parts,
  rows = step.rows.length,
}: {
  step: StepLayout;
  parts: SheetParts;
  rows?: number | undefined;
}) {
  return step.rows.slice(0, rows).map((row, k) => (
    <div className="sheet-row" key={k}>
      {row.map((block) => (
        <BlockView key={block.q} block={block} t={step.t} parts={parts} />
      ))}
    </div>
  ));
});

/** A step's gradients, in a band under its own numbers, so each sits below the value it belongs to. */
function GradientBand({
  blocks,
  t,
  parts,
}: {
  blocks: readonly GradientBlock[] | undefined;
  t: number;
  parts: SheetParts;
}) {
  if (!blocks || blocks.length === 0) return null;
  return (
    <div className="sheet-row gradients" role="group" aria-label={messages.stepGradientsLabel(t)}>
      {blocks.map((block) => (
        <GradientView key={block.q} block={block} t={t} parts={parts} />
      ))}
    </div>
  );
}

function GradientView({
  block,
  t = 0,
  parts,
  whole = true,
}: {
  block: GradientBlock;
  t?: number;
  parts: SheetParts;
  whole?: boolean;
}) {
  if (block.kind === 'vector') return <VectorBlock block={block} t={t} parts={parts} />;
  return <GradientMatrix block={block} parts={parts} whole={whole} />;
}

/** Rows and columns of a parameter's gradient drawn on a sheet too large to draw whole. */
const GRADIENT_CORNER = 16;

/**
 * A parameter's gradient, a grid of the parameter's shape; on a sheet too large to draw whole, its
 * top-left corner, with ⋯ for the rest.
 */
function GradientMatrix({
  block,
  parts,
  whole,
}: {
  block: Extract<GradientBlock, { kind: 'matrix' }>;
  parts: SheetParts;
  whole: boolean;
}) {
  const { q } = block;
  const rows = whole ? block.rows : Math.min(block.rows, GRADIENT_CORNER);
  const cols = whole ? block.cols : Math.min(block.cols, GRADIENT_CORNER);
  const quantities = useMemo(() => [parts.matrixPart(q, rows, cols)], [parts, q, rows, cols]);
  const look = useBlockLook(quantities);
  const cells = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells.push(parts.cell(q, 0, i, { j }, look));
  return (
    <div className="block gradient-matrix">
      <span className="block-head">
        <Tex tex={quantityTex(parts.sheet.model, q, 0)} />
      </span>
      <div className="gradient-grid" style={{ gridTemplateColumns: `repeat(${cols}, var(--gradient-cell-width))` }}>
        {cells}
      </div>
      {(rows < block.rows || cols < block.cols) && (
        <span className="inputs-gap" aria-hidden="true">
          ⋯
        </span>
      )}
    </div>
  );
}

/**
 * The size of a step drawn in full, for the boxes that stand in for the others: every step of a
 * sheet has the same blocks, so one measured step gives them all.
 */
function useStepBox(
  steps: React.RefObject<HTMLElement | null>,
  windowed: boolean,
  layout: readonly StepLayout[],
): { width: number; height: number } | null {
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const full = steps.current?.querySelector<HTMLElement>(':scope > .step:not(.not-drawn):not(.total)');
    if (!windowed || !full || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const measured = { width: full.offsetWidth, height: full.offsetHeight };
      setBox((prev) => (prev && prev.width === measured.width && prev.height === measured.height ? prev : measured));
    });
    observer.observe(full);
    return () => observer.disconnect();
  }, [steps, windowed, layout]);
  return windowed ? box : null;
}

function BlockView({ block, t, parts }: { block: Block; t: number; parts: SheetParts }) {
  if (block.kind !== 'product') return <VectorBlock block={block} t={t} parts={parts} />;
  const { model } = parts.sheet;
  const W = block.W === 'W_hy' ? model.readout?.W_hy : model.weights.get(block.W);
  return (
    <ProductBlock
      block={block}
      t={t}
      parts={parts}
      rows={W?.rows ?? 0}
      cols={W?.cols ?? vectorLength(model, block.vector.q)}
    />
  );
}

/** A column vector: worked out at step t, or given (a bias, drawn in every step's panel). */
function VectorBlock({
  block,
  t,
  parts,
}: {
  block: Extract<Block, { kind: 'vector' | 'given' }>;
  t: number;
  parts: SheetParts;
}) {
  const given = block.kind === 'given';
  const quantities = useMemo(
    () => [given ? parts.part(block.q, 0, block.length, t) : parts.part(block.q, t, block.length)],
    [parts, block, t, given],
  );
  const look = useBlockLook(quantities);
  const { model } = parts.sheet;
  return (
    <div className={given ? 'block vector given' : 'block vector'}>
      <span className="block-head">
        <Tex tex={given ? paramTex(model, block.q) : quantityTex(model, block.q, t)} />
      </span>
      {Array.from({ length: block.length }, (_v, i) =>
        given ? parts.cell(block.q, 0, i, { panel: t }, look) : parts.cell(block.q, t, i, {}, look),
      )}
    </div>
  );
}

/** Matrices with more entries than this draw only the entries in (and near) the window. */
const WHOLE_MATRIX_CELLS = 400;

// the vector above the matrix's columns, the result beside its rows: result k lines up with row k
function ProductBlock({
  block,
  t,
  parts,
  rows,
  cols,
}: {
  block: Extract<Block, { kind: 'product' }>;
  t: number;
  parts: SheetParts;
  rows: number;
  cols: number;
}) {
  const { model } = parts.sheet;
  const { cell } = parts;
  const quantities = useMemo(
    () => [
      parts.part(block.W, 0, 0, t),
      parts.part(block.vector.q, block.vector.t, cols),
      parts.part(block.q, t, rows),
    ],
    [parts, block, t, rows, cols],
  );
  const look = useBlockLook(quantities);
  const ref = useRef<HTMLDivElement>(null);
  const range = useVisibleEntries(ref, rows, cols, rows * cols > WHOLE_MATRIX_CELLS);
  const windowed = range.rows[1] - range.rows[0] < rows || range.cols[1] - range.cols[0] < cols;
  // in page order each row's entries, then its result, as a screen reader reads a row
  const body = [];
  for (let i = 0; i < rows; i++) {
    if (i >= range.rows[0] && i < range.rows[1])
      for (let j = range.cols[0]; j < Math.min(range.cols[1], cols); j++)
        body.push(cell(block.W, 0, i, { j, panel: t, part: 'matrix', row: i + 2, col: j + 2 }, look));
    body.push(cell(block.q, t, i, { part: 'result', row: i + 2, col: cols + 2 }, look));
  }
  return (
    <div
      ref={ref}
      className="block product"
      style={{
        gridTemplateColumns: `auto repeat(${cols}, var(--cell-width)) var(--cell-width)`,
        // a matrix drawn in part keeps the size of the whole
        ...(windowed ? { gridTemplateRows: `repeat(${rows + 1}, var(--cell-height))` } : {}),
      }}
    >
      <span className="block-head matrix-name" style={{ gridRow: '2', gridColumn: '1' }}>
        <Tex tex={paramTex(model, block.W)} />
      </span>
      {Array.from({ length: cols }, (_v, j) =>
        cell(
          block.vector.q,
          block.vector.t,
          j,
          { panel: t, copyFor: block.q, part: 'above', row: 1, col: j + 2 },
          look,
        ),
      )}
      <span className="block-head result-name" style={{ gridRow: '1', gridColumn: String(cols + 2) }}>
        <Tex tex={quantityTex(model, block.q, t)} />
      </span>
      {body}
    </div>
  );
}

type Range = readonly [number, number];
/** entries this many rows and columns beyond the window are drawn too, so a scroll finds them there */
const ENTRY_MARGIN = 6;

/**
 * The rows and columns of a matrix block that are in the window (all of them unless `windowed`),
 * found from the copies of the vector above its columns and the results beside its rows, which
 * are always drawn; kept up to date as the page or the steps scroll and the window resizes.
 */
function useVisibleEntries(
  block: React.RefObject<HTMLElement | null>,
  rows: number,
  cols: number,
  windowed: boolean,
): { rows: Range; cols: Range } {
  const initial = {
    rows: [0, windowed ? Math.min(rows, 16) : rows] as Range,
    cols: [0, windowed ? Math.min(cols, 16) : cols] as Range,
  };
  const [range, setRange] = useState(initial);
  useLayoutEffect(() => {
    const el = block.current;
    if (!windowed || !el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const above = el.querySelectorAll<HTMLElement>(':scope > .above');
      const results = el.querySelectorAll<HTMLElement>(':scope > .result');
      const [a0, a1, r0, r1] = [above[0], above[1], results[0], results[1]];
      if (!a0 || !r0) return;
      const first = { x: a0.getBoundingClientRect().left, y: r0.getBoundingClientRect().top };
      const pitch = {
        x: a1 ? a1.getBoundingClientRect().left - first.x : a0.offsetWidth,
        y: r1 ? r1.getBoundingClientRect().top - first.y : r0.offsetHeight,
      };
      const span = (origin: number, step: number, extent: number, count: number): Range => [
        clamp(Math.floor(-origin / step) - ENTRY_MARGIN, count),
        clamp(Math.ceil((extent - origin) / step) + ENTRY_MARGIN, count),
      ];
      const next = {
        rows: span(first.y, pitch.y, window.innerHeight, rows),
        cols: span(first.x, pitch.x, window.innerWidth, cols),
      };
      setRange((prev) => (sameRange(prev.rows, next.rows) && sameRange(prev.cols, next.cols) ? prev : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    // a printed page shows every entry: drawn before the page is laid out for printing
    const print = () => flushSync(() => setRange({ rows: [0, rows], cols: [0, cols] }));
    schedule();
    // capture: the steps' own box scrolls sideways, and its scroll events do not bubble
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('beforeprint', print);
    window.addEventListener('afterprint', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      window.removeEventListener('beforeprint', print);
      window.removeEventListener('afterprint', schedule);
    };
  }, [block, rows, cols, windowed]);
  return windowed ? range : initial;
}

const clamp = (k: number, count: number) => Math.max(0, Math.min(count, k));
const sameRange = (a: Range, b: Range) => a[0] === b[0] && a[1] === b[1];
