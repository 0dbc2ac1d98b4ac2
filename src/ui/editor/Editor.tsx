// The editor beside the sheet: a draft of the open worksheet (CONTRACT.md §1) edited field by
// field, checked live by the one validator; the sheet follows each valid draft (through the
// store's editFile) and keeps the last valid one while the draft has problems. Undo and redo
// cover every edit. The draft is the editor's own state: nothing else reads it.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReadoutActivation, RnnActivation } from '../../core/engine/activations';
import {
  cellPath,
  checkDraft,
  draftOf,
  EDITOR_MAX_SIZE,
  gridOf,
  gridPath,
  inputsToTokens,
  isVectorGrid,
  oneHotVocabulary,
  resizeDraft,
  setLoss,
  setReadout,
  setStepCount,
  setTargets,
  stepCount,
  switchCell,
  tokensToInputs,
  withGrid,
  wordName,
  zeroDraft,
  zeroGrid,
  type Draft,
  type GridRef,
} from '../../core/editor/draft';
import { canRedo, canUndo, createHistory, historyPush, historyRedo, historyUndo } from '../../core/editor/history';
import { parsePastedBlock, pasteTexts } from '../../core/editor/paste';
import { randomiseDraft, randomiseGrid } from '../../core/editor/randomise';
import { loadWorksheet } from '../../core/format/validate';
import { CELL_PARAMS, labelableNames, type CellKind, type LossAt, type LossKind } from '../../core/format/worksheet';
import { createRandom, randomSeed } from '../../core/practice/random';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import { messages } from '../messages/messages';
import { EditorGrid } from './EditorGrid';
import './Editor.css';

const CELLS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];
const RNN_ACTIVATIONS: readonly RnnActivation[] = ['tanh', 'relu', 'sigmoid', 'identity'];
const READOUT_ACTIVATIONS: readonly ReadoutActivation[] = ['identity', 'softmax', 'sigmoid'];
const LOSS_KINDS: readonly LossKind[] = ['squared_error', 'cross_entropy', 'binary_cross_entropy'];
const LOSS_ATS: readonly LossAt[] = ['all', 'last'];
const MAX_STEPS = 16;

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function freshRandom() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return createRandom(randomSeed(bytes));
}

/** The draft of a file the store holds, with the file (for undoing back to it exactly); null if it is not valid. */
function startOf(file: unknown): { file: unknown; draft: Draft } | null {
  const loaded = loadWorksheet(file);
  return loaded.ok ? { file, draft: draftOf(loaded.file, loaded.model) } : null;
}

export function Editor({ onClose, onValidity }: { onClose(): void; onValidity(valid: boolean): void }) {
  const store = useWorksheetStore();
  const storeFile = useWorksheet((s) => s.file);
  const worksheetId = useWorksheet((s) => s.worksheetId);
  // the worksheet an edit is kept as (a built-in's first edit makes a kept copy: see editFile)
  const editFile = useCallback(
    (file: unknown, asCopy: boolean) => {
      store.getState().editFile(file, asCopy);
      return store.getState().worksheetId;
    },
    [store],
  );
  const countAnswers = useCallback(() => store.getState().keptAnswerCount(), [store]);
  // a worksheet changed from outside (another one opened, a slider moved) starts a new draft
  const [session, setSession] = useState(() => ({ n: 0, start: startOf(store.getState().file) }));
  const restart = useCallback((file: unknown) => setSession((s) => ({ n: s.n + 1, start: startOf(file) })), []);
  if (!session.start) return null;
  return (
    <EditorOf
      key={session.n}
      start={session.start}
      storeFile={storeFile}
      worksheetId={worksheetId}
      onRestart={restart}
      onClose={onClose}
      onValidity={onValidity}
      editFile={editFile}
      countAnswers={countAnswers}
    />
  );
}

interface EditorOfProps {
  readonly start: { file: unknown; draft: Draft };
  readonly storeFile: unknown;
  readonly worksheetId: string | null;
  onRestart(file: unknown): void;
  onClose(): void;
  onValidity(valid: boolean): void;
  /** @returns the id of the worksheet the edit is kept as (asCopy: a new kept one, the open one untouched) */
  editFile(file: unknown, asCopy: boolean): string | null;
  /** the cells of the open worksheet that hold practice answers its numbers would leave behind */
  countAnswers(): number;
}

/** Where the edits of a worksheet with practice answers go: not asked yet, a new copy, or this one. */
type Choice = 'ask' | 'copy' | 'here';

function EditorOf(props: EditorOfProps) {
  const { start, storeFile, worksheetId, onRestart, onClose, onValidity, editFile, countAnswers } = props;
  const [history, setHistory] = useState(() => createHistory(start.draft));
  // answers belong to the numbers they were worked from, so the first change asks where it goes
  const [answers] = useState(countAnswers);
  const [choice, setChoice] = useState<Choice>(() => (answers > 0 ? 'ask' : 'here'));
  const copyNext = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const written = useRef<unknown>(start.file);
  const writtenTo = useRef(worksheetId);
  const d = history.present;
  const checked = useMemo(() => checkDraft(d), [d]);

  const edit = useCallback((change: (d: Draft) => Draft, key: string | null = null) => {
    setNotice(null);
    setHistory((h) => historyPush(h, change(h.present), key));
  }, []);
  const undo = useCallback(() => setHistory(historyUndo), []);
  const redo = useCallback(() => setHistory(historyRedo), []);

  // the sheet follows every valid draft; back at the start, it gets the very file it had
  useEffect(() => {
    onValidity(checked.ok);
    if (!checked.ok) return;
    const file = d === start.draft ? start.file : checked.file;
    if (file === written.current) return;
    // the sheet keeps its numbers, and the draft what was typed, until the student chooses
    if (choice === 'ask') return;
    written.current = file;
    writtenTo.current = editFile(file, copyNext.current);
    copyNext.current = false;
  }, [checked, d, start, editFile, onValidity, choice]);

  // the store's worksheet changed by something else than the editor (another one opened, Back to
  // the one before the first edit, a slider): edit that one from now on
  useEffect(() => {
    if (worksheetId !== writtenTo.current || (storeFile !== written.current && storeFile !== start.file))
      onRestart(storeFile);
  }, [storeFile, worksheetId, start, onRestart]);

  const problems = useMemo(() => {
    const list: { path: string; text: string }[] = [];
    if (!checked.ok) {
      for (const p of checked.textProblems)
        list.push({
          path: p.path,
          text: p.why === 'not-a-number' ? messages.editorNotANumber(p.text) : messages.editorDuplicateWord(p.text),
        });
      for (const p of checked.problems) list.push({ path: p.path, text: p.message });
    }
    const byPath = new Map<string, string[]>();
    for (const p of list) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p.text]);
    return { list, byPath };
  }, [checked]);

  // Ctrl+Z anywhere on the page undoes the editor's last edit, but for a field outside the editor
  // (an answer cell in practice), whose own undo it stays
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target && !target.closest('.editor') && target.closest('input, textarea, select, [contenteditable="true"]'))
        return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      // the editor's history, not the browser's own undo of one input
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const T = stepCount(d);
  const tooLarge = [['H', d.H], ['I', d.I], ...(d.readout?.W_hy ? [['O', d.O]] : [])].filter(
    ([, n]) => (n as number) > EDITOR_MAX_SIZE,
  );
  // beyond 8 the editor shows no grid (the steps' rows excepted: a long sequence is still typed by hand)
  const hidden = (ref: GridRef) => {
    const g = gridOf(d, ref);
    if (!g) return true;
    const steps = ref.kind === 'inputs' || ref.kind === 'targets';
    return (g[0]?.length ?? 0) > EDITOR_MAX_SIZE || (!steps && g.length > EDITOR_MAX_SIZE);
  };

  const grid = (ref: GridRef, name: string, extra?: ReactNode) => {
    const g = gridOf(d, ref);
    if (!g || hidden(ref)) return null;
    const key = JSON.stringify(ref);
    return (
      <EditorGrid
        key={key}
        name={name}
        grid={g}
        vector={isVectorGrid(d, ref)}
        path={gridPath(d, ref)}
        cellPath={(r, c) => cellPath(d, ref, r, c)}
        messagesAt={problems.byPath}
        onCell={(r, c, text) =>
          edit((x) => {
            const cells = (gridOf(x, ref) ?? []).map((row) => [...row]);
            const row = cells[r];
            if (row) row[c] = text;
            return withGrid(x, ref, cells);
          }, `${key}[${r}][${c}]`)
        }
        onPasteBlock={(r, c, text) => {
          const block = parsePastedBlock(text);
          if (block.tooLong) {
            setNotice(messages.editorPasteTooLong);
            return true;
          }
          const pasted = pasteTexts(gridOf(d, ref) ?? [], block, r, c);
          edit((x) => withGrid(x, ref, pasted.grid));
          if (pasted.clipped > 0) setNotice(messages.editorPasteClipped(pasted.clipped, name));
          return true;
        }}
        actions={
          <>
            <button type="button" onClick={() => edit((x) => randomiseGrid(x, ref, freshRandom()))}>
              {messages.editorRandomise}
            </button>
            <button type="button" onClick={() => edit((x) => withGrid(x, ref, zeroGrid(gridOf(x, ref) ?? [])))}>
              {messages.editorZero}
            </button>
            {extra}
          </>
        }
      />
    );
  };

  const spec = CELL_PARAMS[d.cell];
  const absentBiases = spec.biases.filter((b) => !(b in d.params));
  const fieldMessages = (path: string) => {
    const texts = problems.byPath.get(path);
    return texts ? (
      <ul className="editor-cell-messages">
        {texts.map((t) => (
          <li key={t}>
            <code>{path}</code>: {t}
          </li>
        ))}
      </ul>
    ) : null;
  };
  const labelNames = labelableNames(d.cell).filter(
    (n) => n in d.params || (n === 'W_hy' && d.readout?.W_hy) || (n === 'b_y' && d.readout?.b_y),
  );

  return (
    <section className="editor" aria-label={messages.editorHeading}>
      <div className="editor-toolbar">
        <h2>{messages.editorHeading}</h2>
        <button type="button" onClick={undo} disabled={!canUndo(history)} title={messages.editorUndoTitle}>
          {messages.editorUndo}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo(history)} title={messages.editorRedoTitle}>
          {messages.editorRedo}
        </button>
        <button
          type="button"
          onClick={() => edit((x) => randomiseDraft(x, freshRandom()))}
          title={messages.editorRandomiseAllTitle}
        >
          {messages.editorRandomiseAll}
        </button>
        <button type="button" onClick={() => edit(zeroDraft)} title={messages.editorZeroAllTitle}>
          {messages.editorZeroAll}
        </button>
        <button type="button" className="editor-close" onClick={onClose}>
          {messages.editorClose}
        </button>
      </div>

      <div role="status" className={checked.ok ? 'editor-status ok' : 'editor-status bad'}>
        {checked.ok ? messages.editorValid : messages.editorInvalid(problems.list.length)}
      </div>
      {!checked.ok && (
        <ul className="editor-problems" aria-label={messages.editorProblemsHeading}>
          {problems.list.map((p) => (
            <li key={`${p.path}:${p.text}`}>
              <button
                type="button"
                className="editor-problem"
                onClick={() =>
                  (document.querySelector(`.editor [data-path="${CSS.escape(p.path)}"]`) as HTMLElement | null)?.focus()
                }
              >
                <code>{p.path}</code>: {p.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      {choice === 'ask' && d !== start.draft && (
        <div className="editor-ask" role="group" aria-labelledby="editor-ask-text">
          <p id="editor-ask-text" role="status">
            {messages.editorAskCopy(answers)}
          </p>
          <button
            type="button"
            onClick={() => {
              copyNext.current = true;
              setChoice('copy');
            }}
          >
            {messages.editorAskNewCopy}
          </button>
          <button type="button" onClick={() => setChoice('here')}>
            {messages.editorAskChangeThis}
          </button>
        </div>
      )}
      {notice && (
        <p className="editor-notice" role="alert">
          {notice}
        </p>
      )}

      <div className="editor-fields">
        <label className="editor-field wide">
          {messages.editorTitle}
          <input
            type="text"
            data-path="title"
            value={d.title}
            onChange={(e) => edit((x) => ({ ...x, title: e.target.value }), 'title')}
          />
        </label>
        <label className="editor-field">
          {messages.editorCell}
          <select value={d.cell} onChange={(e) => edit((x) => switchCell(x, e.target.value as CellKind))}>
            {CELLS.map((c) => (
              <option key={c} value={c}>
                {messages.editorCellNames[c]}
              </option>
            ))}
          </select>
        </label>
        {d.cell === 'rnn' && (
          <label className="editor-field">
            {messages.editorActivation}
            <select
              value={d.activation}
              onChange={(e) => edit((x) => ({ ...x, activation: e.target.value as RnnActivation }))}
            >
              {RNN_ACTIVATIONS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
        )}
      </div>

      <h3>{messages.editorSizes}</h3>
      <div className="editor-fields">
        <SizeSelect label={messages.editorH} value={d.H} onChange={(H) => edit((x) => resizeDraft(x, { H }))} />
        <SizeSelect label={messages.editorI} value={d.I} onChange={(I) => edit((x) => resizeDraft(x, { I }))} />
        {d.readout?.W_hy && (
          <SizeSelect label={messages.editorO} value={d.O} onChange={(O) => edit((x) => resizeDraft(x, { O }))} />
        )}
        <SizeSelect
          label={messages.editorT}
          value={T}
          max={MAX_STEPS}
          onChange={(n) => edit((x) => setStepCount(x, n))}
        />
      </div>
      {tooLarge.length > 0 && (
        <p className="editor-notice">{messages.editorTooLarge(tooLarge.map(([n, v]) => `${n} = ${v}`).join(', '))}</p>
      )}

      <h3>{messages.editorParameters}</h3>
      <div className="editor-grids">
        {[...spec.input, ...spec.hidden].map((name) => grid({ kind: 'param', name }, name))}
        {spec.biases
          .filter((b) => b in d.params)
          .map((name) =>
            grid(
              { kind: 'param', name },
              name,
              <button type="button" onClick={() => edit((x) => withGrid(x, { kind: 'param', name }, null))}>
                {messages.editorRemove}
              </button>,
            ),
          )}
      </div>
      {absentBiases.length > 0 && (
        <div className="editor-add-biases">
          <span className="editor-hint">{messages.editorBiasesNote}</span>
          {absentBiases.map((name) => (
            <button
              key={name}
              type="button"
              onClick={() =>
                edit((x) => withGrid(x, { kind: 'param', name }, [Array.from({ length: x.H }, () => '0')]))
              }
            >
              {messages.editorAddBias(name)}
            </button>
          ))}
        </div>
      )}

      <h3>{messages.editorInputs}</h3>
      <div className="editor-fields" role="radiogroup" aria-label={messages.editorInputs}>
        <label className="editor-choice">
          <input type="radio" checked={d.inputs !== null} onChange={() => edit(tokensToInputs)} />
          {messages.editorInputsAsNumbers}
        </label>
        <label className="editor-choice">
          <input type="radio" checked={d.tokens !== null} onChange={() => edit(inputsToTokens)} />
          {messages.editorInputsAsTokens}
        </label>
      </div>
      {d.inputs && grid({ kind: 'inputs' }, 'inputs')}
      {d.tokens && (
        <>
          <div className="editor-tokens">
            {d.tokens.map((token, t) => (
              <label key={t} className="editor-field">
                {messages.editorToken(t + 1)}
                <input
                  type="text"
                  data-path={`tokens[${t}]`}
                  aria-invalid={problems.byPath.has(`tokens[${t}]`) || undefined}
                  value={token}
                  onChange={(e) =>
                    edit(
                      (x) => ({ ...x, tokens: (x.tokens ?? []).map((w, k) => (k === t ? e.target.value : w)) }),
                      `tokens[${t}]`,
                    )
                  }
                />
                {fieldMessages(`tokens[${t}]`)}
              </label>
            ))}
          </div>
          <h4>{messages.editorVocabulary}</h4>
          {fieldMessages('vocabulary')}
          {(d.vocabulary ?? []).map(([word], index) => (
            <div key={index} className="editor-word">
              <label className="editor-field">
                {messages.editorWord(index)}
                <input
                  type="text"
                  data-path={`vocabulary[${index}]`}
                  value={word}
                  onChange={(e) =>
                    edit(
                      (x) => ({
                        ...x,
                        vocabulary: (x.vocabulary ?? []).map((entry, k) =>
                          k === index ? ([e.target.value, entry[1]] as const) : entry,
                        ),
                      }),
                      `vocabulary[${index}]`,
                    )
                  }
                />
                {fieldMessages(`vocabulary[${index}]`)}
              </label>
              {grid(
                { kind: 'word', index },
                word,
                <button
                  type="button"
                  onClick={() =>
                    edit((x) => ({ ...x, vocabulary: (x.vocabulary ?? []).filter((_, k) => k !== index) }))
                  }
                >
                  {messages.editorRemove}
                </button>,
              )}
            </div>
          ))}
          <div className="editor-fields">
            <button
              type="button"
              onClick={() =>
                edit((x) => {
                  const vocabulary = x.vocabulary ?? [];
                  const taken = new Set(vocabulary.map(([w]) => w));
                  let k = vocabulary.length;
                  while (taken.has(wordName(k))) k++;
                  return { ...x, vocabulary: [...vocabulary, [wordName(k), [Array.from({ length: x.I }, () => '0')]]] };
                })
              }
            >
              {messages.editorAddWord}
            </button>
            <button type="button" onClick={() => edit(oneHotVocabulary)} title={messages.editorOneHotTitle}>
              {messages.editorOneHot}
            </button>
          </div>
        </>
      )}

      <h3>{messages.editorStates}</h3>
      <div className="editor-grids">
        {grid({ kind: 'h0' }, 'h0')}
        {d.c0 && grid({ kind: 'c0' }, 'c0')}
      </div>

      <h3>{messages.editorReadout}</h3>
      <div className="editor-fields">
        <label className="editor-choice">
          <input
            type="checkbox"
            checked={d.readout !== null}
            onChange={(e) => edit((x) => setReadout(x, e.target.checked))}
          />
          {messages.editorReadoutOn}
        </label>
        {d.readout && (
          <>
            <label className="editor-choice">
              <input
                type="checkbox"
                checked={d.readout.W_hy !== null}
                onChange={(e) =>
                  edit((x) =>
                    resizeDraft(
                      withGrid(x, { kind: 'W_hy' }, e.target.checked ? [[]] : null),
                      // without W_hy, y = ψ(h) has H entries
                      e.target.checked ? {} : { O: x.H },
                    ),
                  )
                }
              />
              {messages.editorWithW_hy}
            </label>
            <label className="editor-field">
              {messages.editorReadoutActivation}
              <select
                value={d.readout.activation}
                onChange={(e) =>
                  edit((x) =>
                    x.readout
                      ? { ...x, readout: { ...x.readout, activation: e.target.value as ReadoutActivation } }
                      : x,
                  )
                }
              >
                {READOUT_ACTIVATIONS.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
              {fieldMessages('readout.activation')}
            </label>
          </>
        )}
      </div>
      {d.readout?.W_hy && grid({ kind: 'W_hy' }, 'W_hy')}
      {d.readout?.W_hy &&
        (d.readout.b_y ? (
          grid(
            { kind: 'b_y' },
            'b_y',
            <button type="button" onClick={() => edit((x) => withGrid(x, { kind: 'b_y' }, null))}>
              {messages.editorRemove}
            </button>,
          )
        ) : (
          <div className="editor-add-biases">
            <button
              type="button"
              onClick={() => edit((x) => withGrid(x, { kind: 'b_y' }, [Array.from({ length: x.O }, () => '0')]))}
            >
              {messages.editorAddB_y}
            </button>
          </div>
        ))}

      {d.readout && (
        <>
          <h3>{messages.editorTargets}</h3>
          <div className="editor-fields">
            <label className="editor-choice">
              <input
                type="checkbox"
                checked={d.targets !== null}
                onChange={(e) => edit((x) => setTargets(x, e.target.checked))}
              />
              {messages.editorTargetsOn}
            </label>
            <label className="editor-field">
              {messages.editorLoss}
              <select
                value={d.loss?.kind ?? ''}
                onChange={(e) =>
                  edit((x) =>
                    setLoss(x, e.target.value ? { kind: e.target.value as LossKind, at: x.loss?.at ?? 'all' } : null),
                  )
                }
              >
                <option value="">{messages.editorLossNone}</option>
                {LOSS_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {messages.editorLossNames[k]}
                  </option>
                ))}
              </select>
              {fieldMessages('loss.kind')}
            </label>
            {d.loss && (
              <label className="editor-field">
                {messages.editorLossAt}
                <select
                  value={d.loss.at}
                  onChange={(e) => edit((x) => (x.loss ? setLoss(x, { ...x.loss, at: e.target.value as LossAt }) : x))}
                >
                  {LOSS_ATS.map((a) => (
                    <option key={a} value={a}>
                      {messages.editorLossAtNames[a]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {fieldMessages('loss')}
          {d.targets && grid({ kind: 'targets' }, 'targets')}
        </>
      )}

      <h3>{messages.editorPrecision}</h3>
      <div className="editor-fields">
        <label className="editor-field">
          {messages.editorDecimals}
          <select value={d.decimals} onChange={(e) => edit((x) => ({ ...x, decimals: Number(e.target.value) }))}>
            {range(0, 6).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="editor-field">
          {messages.editorCarry}
          <select
            value={d.carry}
            onChange={(e) => edit((x) => ({ ...x, carry: e.target.value === 'rounded' ? 'rounded' : 'exact' }))}
          >
            {(['exact', 'rounded'] as const).map((c) => (
              <option key={c} value={c}>
                {messages.editorCarryNames[c]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <h3>{messages.editorLabels}</h3>
      <p className="editor-hint">{messages.editorLabelsNote}</p>
      <div className="editor-fields">
        {labelNames.map((name) => (
          <label key={name} className="editor-field">
            {name}
            <input
              type="text"
              size={6}
              data-path={`labels.${name}`}
              value={d.labels[name] ?? ''}
              onChange={(e) =>
                edit((x) => ({ ...x, labels: { ...x.labels, [name]: e.target.value } }), `labels.${name}`)
              }
            />
            {fieldMessages(`labels.${name}`)}
          </label>
        ))}
      </div>
    </section>
  );
}

function SizeSelect({
  label,
  value,
  max = EDITOR_MAX_SIZE,
  onChange,
}: {
  label: string;
  value: number;
  max?: number;
  onChange(n: number): void;
}) {
  // a size beyond the editor's, from a file, stays choosable as it is
  const choices = value > max ? [...range(1, max), value] : range(1, max);
  return (
    <label className="editor-field">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
