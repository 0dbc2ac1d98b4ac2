// The walkthrough page: pick a built-in worksheet, then step through it frame by frame.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { OPENED_FILE, QUIZ, selectSheet, type WorksheetState } from '../../store/worksheetStore';
import { BUILT_IN_WORKSHEETS } from '../../worksheets';
import { ComparePanel } from '../walkthrough/ComparePanel';
import { Controls } from '../walkthrough/Controls';
import { EditorFrame } from '../editor/EditorFrame';
import { FramePanel } from '../walkthrough/FramePanel';
import { GradientPlot } from '../walkthrough/GradientPlot';
import { Home } from '../home/Home';
import { ProblemList } from '../common/ProblemList';
import { InputChooser } from '../walkthrough/InputChooser';
import { messages } from '../messages/messages';
import { CATALOGUES, switchLanguage } from '../messages/language';
import { builtInTitle, worksheetTitle } from '../common/worksheetTitle';
import { quizTitle } from '../quiz/quizLink';
import { PracticePanel } from '../practice/PracticePanel';
import { HandoutHead } from '../print/HandoutHead';
import { QuizPanel } from '../quiz/QuizPanel';
import { focusFirstToFill } from '../sheet/answerNavigation';
import { Sheet } from '../sheet/Sheet';
import { StoreContext, useWorksheet, useWorksheetStore } from '../common/storeContext';
import { useKeyboard } from './useKeyboard';
import { useSwipe } from './useSwipe';
import { usePresentation } from './usePresentation';
import { PresentationFit } from './PresentationFit';
import { scrollToShow, spanAcross, spanDown, unionBox } from './followCells';
import { TrainPanel } from '../train/TrainPanel';
import { UnrolledDiagram } from '../walkthrough/UnrolledDiagram';
import { formatHash, useUrlSync } from './url';
import type { AppUpdate } from './appUpdate';
import { EmbeddedContext, useEmbedded } from './embed';
import { UpdateBar } from './UpdateBar';
import { FileDrop } from './FileDrop';
import { WorksheetActions } from '../walkthrough/WorksheetActions';
import { SHOWN_TITLE_CHARS, shownText } from '../../core/format/shownText';
import { WorksheetNotes } from '../walkthrough/WorksheetNotes';
import './App.css';

interface AppProps {
  store: StoreApi<WorksheetState>;
  /** a new version waiting (from the service worker); absent, none is ever announced */
  update?: StoreApi<AppUpdate>;
  /** the page is a course page's frame (embed=1): the sheet and its controls only */
  embedded?: boolean;
}

export function App({ store, update, embedded = false }: AppProps) {
  const language = useStore(store, (s) => s.language);
  // before anything below is drawn: every component reads its words from this catalogue
  switchLanguage(language);
  useKeyboard(store);
  useSwipe(store);
  useUrlSync(store, embedded);
  usePresentation(store);
  useDocumentLanguage(store, language);
  // another language draws the page afresh, keyed by it: memoised parts (the sheet's cells) and
  // words kept in a component's state would otherwise keep the language they were drawn in
  return (
    <StoreContext.Provider value={store}>
      <EmbeddedContext.Provider value={embedded}>
        <main className={embedded ? 'app embedded' : 'app'} key={language}>
          {!embedded && <Header />}
          <Page />
          {!embedded && <FileDrop />}
          {update && <UpdateBar update={update} />}
        </main>
      </EmbeddedContext.Provider>
    </StoreContext.Provider>
  );
}

/** The open worksheet's title in the language chosen (a quiz's made afresh from its settings); null at home. */
function openTitle(s: WorksheetState): string | null {
  if (s.worksheetId === QUIZ && s.quiz) return quizTitle(s.quiz.settings, s.quiz.seed);
  const sheet = selectSheet(s);
  return s.worksheetId !== null && sheet.ok ? worksheetTitle(s.worksheetId, sheet.sheet.model.title) : null;
}

/** <html lang> and the page's title (the open worksheet's, in the language chosen). */
function useDocumentLanguage(store: StoreApi<WorksheetState>, language: string): void {
  const title = useStore(store, openTitle);
  useEffect(() => {
    document.documentElement.lang = messages.locale;
    document.title = messages.pageTitle(title);
  }, [language, title]);
}

function Page() {
  const home = useWorksheet((s) => s.worksheetId === null);
  return home ? <Home /> : <Walkthrough />;
}

function Header() {
  const worksheetId = useWorksheet((s) => s.worksheetId);
  const title = useWorksheet((s) => openTitle(s) ?? '');
  const open = useWorksheet((s) => s.open);
  const kept = useWorksheet((s) => s.kept);
  return (
    <header className="app-header">
      <h1>
        <a href="#/">{messages.appTitle}</a>
      </h1>
      <label className="picker">
        {messages.worksheetPicker}{' '}
        <select
          value={worksheetId ?? ''}
          onChange={(e) => {
            if (!e.target.value) return;
            open(e.target.value);
            // the arrows step the sheet now, not the list of worksheets
            e.target.blur();
          }}
        >
          {worksheetId === null && <option value="">{messages.home}</option>}
          {(worksheetId === OPENED_FILE || worksheetId === QUIZ) && <option value={worksheetId}>{title}</option>}
          {kept.length > 0 && (
            <optgroup label={messages.keptHeading}>
              {kept.map((k) => (
                <option key={k.id} value={k.id}>
                  {shownText(k.name, SHOWN_TITLE_CHARS)}
                </option>
              ))}
            </optgroup>
          )}
          {BUILT_IN_WORKSHEETS.map((w) => (
            <option key={w.id} value={w.id}>
              {builtInTitle(w)}
            </option>
          ))}
        </select>
      </label>
      <ModeButtons />
    </header>
  );
}

/** English / 中文: each language offered in its own words (and marked as such for a screen reader). */
function LanguageSwitch() {
  const store = useWorksheetStore();
  const language = useWorksheet((s) => s.language);
  return (
    <div className="language-switch" role="group" aria-label={messages.languageLabel}>
      {[...CATALOGUES].map(([code, catalogue]) => (
        <button
          key={code}
          type="button"
          lang={catalogue.locale}
          aria-pressed={code === language}
          onClick={() => store.getState().setLanguage(code)}
        >
          {catalogue.languageName}
        </button>
      ))}
    </div>
  );
}

function ModeButtons() {
  const store = useWorksheetStore();
  const presenting = useWorksheet((s) => s.presenting);
  const theme = useWorksheet((s) => s.theme);
  return (
    <div className="mode-buttons">
      <LanguageSwitch />
      <button type="button" onClick={() => store.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {theme === 'dark' ? messages.lightTheme : messages.darkTheme}
      </button>
      {presenting && (
        <>
          <button
            type="button"
            aria-label={`${messages.presentSmaller}: ${messages.presentSmallerTitle}`}
            title={messages.presentSmallerTitle}
            onClick={() => store.getState().setPresentSize(store.getState().presentSize - 1)}
          >
            {messages.presentSmaller}
          </button>
          <button
            type="button"
            aria-label={`${messages.presentLarger}: ${messages.presentLargerTitle}`}
            title={messages.presentLargerTitle}
            onClick={() => store.getState().setPresentSize(store.getState().presentSize + 1)}
          >
            {messages.presentLarger}
          </button>
        </>
      )}
      <button type="button" aria-pressed={presenting} onClick={() => store.getState().setPresenting(!presenting)}>
        {presenting ? messages.leavePresentation : messages.presentation}
      </button>
    </div>
  );
}

function Walkthrough() {
  const computed = useWorksheet(selectSheet);
  const mode = useWorksheet((s) => s.mode);
  const embedded = useEmbedded();
  if (!computed.ok) return <ProblemList title={messages.invalidWorksheet} problems={computed.problems} />;
  const { model } = computed.sheet;
  const walking = mode === 'walkthrough';
  // embedded in a course page, the sheet and what steps or answers it: the rest is a click away, in full
  const full = !embedded;
  // the plot and the training panel belong to the walkthrough, but stay mounted (hidden) in
  // practice: a moved slider's start, the training's way back and a run in progress outlive a trip
  // to Practice. The rest is drawn afresh for each mode (the keys), as each mode draws it its way.
  const kept = (panel: React.ReactNode) =>
    mode !== 'quiz' && (
      <div className="walkthrough-panel" hidden={!walking}>
        {panel}
      </div>
    );
  const page = (
    <>
      {embedded ? (
        <div className="embed-bar">
          {mode !== 'quiz' && <ModeTabs />}
          <OpenInFull />
        </div>
      ) : (
        mode !== 'quiz' && <ModeTabs />
      )}
      {full && mode !== 'quiz' && <WorksheetActions walking={walking} />}
      {full && (
        <p className="note">{messages.decimalsNote(model.decimals, model.carry, model.cell, model.loss !== null)}</p>
      )}
      {full && mode !== 'quiz' && <InputChooser key={`input-${mode}`} />}
      {full && kept(<GradientPlot />)}
      {full && walking && <UnrolledDiagram />}
      {walking && (
        <div className="pinned">
          <FramePanel />
          <Controls />
        </div>
      )}
      {mode === 'practice' && <PracticePanel />}
      {mode === 'quiz' && <QuizPanel />}
      {full && <HandoutHead />}
      {embedded ? (
        <div className="embed-sheet">
          <Sheet key={`sheet-${mode}`} />
        </div>
      ) : (
        <Sheet key={`sheet-${mode}`} />
      )}
      {full && mode !== 'quiz' && <WorksheetNotes key={`notes-${mode}`} />}
      {full && walking && <ComparePanel />}
      {full && kept(<TrainPanel />)}
      <PresentationFit />
      {walking && <FollowCurrent />}
      {!walking && <ResumePractice key={`resume-${mode}`} />}
    </>
  );
  return embedded ? page : <EditorFrame>{page}</EditorFrame>;
}

/** In a course page's frame: the same place, in a tab of its own with everything the app has. */
function OpenInFull() {
  const href = useWorksheet((s) => formatHash(s));
  return (
    <a className="open-in-full" href={href} target="_blank" rel="noopener">
      {messages.openInFull}
    </a>
  );
}

/** Walkthrough or practice, for any worksheet (a quiz is a mode of its own, left by opening another sheet). */
function ModeTabs() {
  const store = useWorksheetStore();
  const mode = useWorksheet((s) => s.mode);
  return (
    <div className="mode-tabs" role="group" aria-label={messages.modesLabel}>
      {(['walkthrough', 'practice'] as const).map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => store.getState().setMode(m)}>
          {m === 'walkthrough' ? messages.modeWalkthrough : messages.modePractice}
        </button>
      ))}
    </div>
  );
}

/**
 * On opening practice or a quiz, or practising the other pass, the student is put back where they
 * were, or at the first cell still to fill.
 */
function ResumePractice() {
  const store = useWorksheetStore();
  const key = useWorksheet(
    (s) => `${s.mode}:${s.worksheetId}:${s.quiz?.seed ?? ''}:${s.mode === 'practice' ? s.direction : ''}`,
  );
  const embedded = useEmbedded();
  useEffect(() => {
    // a course page's frame takes the focus (and scrolls the course page to itself) only once the
    // student works in it: not as the page loads, under the course's own text
    if (embedded && !document.hasFocus()) return;
    focusFirstToFill(store.getState(), true);
  }, [key, store, embedded]);
  return null;
}

/** Keeps the cell being written in view as the frames advance, the mode changes or the window resizes. */
function FollowCurrent() {
  const frame = useWorksheet((s) => s.frame);
  const worksheetId = useWorksheet((s) => s.worksheetId);
  const presenting = useWorksheet((s) => s.presenting);
  const presentSize = useWorksheet((s) => s.presentSize);
  const embedded = useEmbedded();
  useEffect(() => {
    const follow = () => {
      const cell = document.querySelector('.sheet [data-role="current"]');
      if (!cell) return;
      if (embedded) followInFrame(cell);
      // centred across: the operands on its left stay in view with it
      else if ('scrollIntoView' in cell) {
        cell.scrollIntoView({ block: 'nearest', inline: 'center' });
        showWorking(cell);
      }
    };
    // in the next frame, before it is painted: a layout forced here, before the first paint,
    // would be thrown away and done again once the rest of the page is in
    const frameId = requestAnimationFrame(follow);
    // KaTeX's web fonts may still be loading: widths change when they arrive. Not through
    // document.fonts.ready, whose getter lays the page out there and then, on every step
    const fonts = typeof document.fonts?.addEventListener === 'function' ? document.fonts : null;
    fonts?.addEventListener('loadingdone', follow);
    window.addEventListener('resize', follow);
    // the pinned panel grows when the frame's equation is typeset (a longer caption wraps): what
    // was just clear of it may be under it now
    const pinned = document.querySelector('.pinned');
    const resized = typeof ResizeObserver === 'function' && pinned ? new ResizeObserver(follow) : null;
    if (pinned) resized?.observe(pinned);
    return () => {
      cancelAnimationFrame(frameId);
      fonts?.removeEventListener('loadingdone', follow);
      window.removeEventListener('resize', follow);
      resized?.disconnect();
    };
  }, [frame, worksheetId, presenting, presentSize, embedded]);
  return null;
}

/**
 * The cells the frame reads in view with the one it writes, and the whole time step where it fits
 * (the copies of h₁ above the next step's matrices, the previous step's panel being read): across
 * in the sheet's own scroller, down in the window below the pinned panel.
 */
function showWorking(cell: Element): void {
  const steps = cell.closest('.steps');
  if (!steps) return;
  const step = cell.closest('.step');
  const boxes = () => {
    const reads = [...document.querySelectorAll('.sheet [data-role="read"]')];
    const box = (e: Element) => e.getBoundingClientRect();
    return {
      current: box(cell),
      reads: {
        own: reads.filter((e) => e.closest('.step') === step).map(box),
        other: reads.filter((e) => e.closest('.step') !== step).map(box),
      },
      step: step?.getBoundingClientRect() ?? null,
    };
  };
  const before = boxes();
  const view = steps.getBoundingClientRect();
  const across = spanAcross(before.current, before.reads, before.step, view.width);
  if (across) steps.scrollLeft += scrollToShow(across.left, across.right, view.left, view.right);
  const after = boxes();
  const top = document.querySelector('.pinned')?.getBoundingClientRect().bottom ?? 0;
  const down = spanDown(unionBox([after.current, ...after.reads.own]), after.step, window.innerHeight - top);
  if (down) window.scrollBy?.(0, scrollToShow(down.top, down.bottom, top, window.innerHeight));
}

/**
 * The current cell centred across the sheet's strip of steps and brought into the sheet's box,
 * scrolling nothing outside them: scrollIntoView would scroll the course page around the frame too.
 */
function followInFrame(cell: Element): void {
  const at = cell.getBoundingClientRect();
  const strip = cell.closest('.steps');
  if (strip) {
    const box = strip.getBoundingClientRect();
    strip.scrollLeft += at.left + at.width / 2 - (box.left + box.width / 2);
  }
  const sheetBox = cell.closest('.embed-sheet');
  if (!sheetBox) return;
  const box = sheetBox.getBoundingClientRect();
  if (at.top < box.top) sheetBox.scrollTop -= box.top - at.top;
  else if (at.bottom > box.bottom) sheetBox.scrollTop += at.bottom - box.bottom;
}
