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
import { usePresentation } from './usePresentation';
import { TrainPanel } from '../train/TrainPanel';
import { UnrolledDiagram } from '../walkthrough/UnrolledDiagram';
import { useUrlSync } from './url';
import { FileDrop } from './FileDrop';
import { WorksheetActions } from '../walkthrough/WorksheetActions';
import { SHOWN_TITLE_CHARS, shownText } from '../../core/format/shownText';
import { WorksheetNotes } from '../walkthrough/WorksheetNotes';
import './App.css';

export function App({ store }: { store: StoreApi<WorksheetState> }) {
  const language = useStore(store, (s) => s.language);
  // before anything below is drawn: every component reads its words from this catalogue
  switchLanguage(language);
  useKeyboard(store);
  useUrlSync(store);
  usePresentation(store);
  useDocumentLanguage(store, language);
  // another language draws the page afresh, keyed by it: memoised parts (the sheet's cells) and
  // words kept in a component's state would otherwise keep the language they were drawn in
  return (
    <StoreContext.Provider value={store}>
      <main className="app" key={language}>
        <Header />
        <Page />
        <FileDrop />
      </main>
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
      <button type="button" aria-pressed={presenting} onClick={() => store.getState().setPresenting(!presenting)}>
        {presenting ? messages.leavePresentation : messages.presentation}
      </button>
    </div>
  );
}

function Walkthrough() {
  const computed = useWorksheet(selectSheet);
  const mode = useWorksheet((s) => s.mode);
  if (!computed.ok) return <ProblemList title={messages.invalidWorksheet} problems={computed.problems} />;
  const { model } = computed.sheet;
  const walking = mode === 'walkthrough';
  // the plot and the training panel belong to the walkthrough, but stay mounted (hidden) in
  // practice: a moved slider's start, the training's way back and a run in progress outlive a trip
  // to Practice. The rest is drawn afresh for each mode (the keys), as each mode draws it its way.
  const kept = (panel: React.ReactNode) =>
    mode !== 'quiz' && (
      <div className="walkthrough-panel" hidden={!walking}>
        {panel}
      </div>
    );
  return (
    <EditorFrame>
      {mode !== 'quiz' && <ModeTabs />}
      {mode !== 'quiz' && <WorksheetActions walking={walking} />}
      <p className="note">{messages.decimalsNote(model.decimals, model.carry, model.cell, model.loss !== null)}</p>
      {mode !== 'quiz' && <InputChooser key={`input-${mode}`} />}
      {kept(<GradientPlot />)}
      {walking && <UnrolledDiagram />}
      {walking && (
        <div className="pinned">
          <FramePanel />
          <Controls />
        </div>
      )}
      {mode === 'practice' && <PracticePanel />}
      {mode === 'quiz' && <QuizPanel />}
      <HandoutHead />
      <Sheet key={`sheet-${mode}`} />
      {mode !== 'quiz' && <WorksheetNotes key={`notes-${mode}`} />}
      {walking && <ComparePanel />}
      {kept(<TrainPanel />)}
      {walking && <FollowCurrent />}
      {!walking && <ResumePractice key={`resume-${mode}`} />}
    </EditorFrame>
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
  useEffect(() => focusFirstToFill(store.getState(), true), [key, store]);
  return null;
}

/** Keeps the cell being written in view as the frames advance, the mode changes or the window resizes. */
function FollowCurrent() {
  const frame = useWorksheet((s) => s.frame);
  const worksheetId = useWorksheet((s) => s.worksheetId);
  const presenting = useWorksheet((s) => s.presenting);
  useEffect(() => {
    const follow = () => {
      const cell = document.querySelector('.sheet [data-role="current"]');
      // centred across: the operands on its left stay in view with it
      if (cell && 'scrollIntoView' in cell) cell.scrollIntoView({ block: 'nearest', inline: 'center' });
    };
    // in the next frame, before it is painted: a layout forced here, before the first paint,
    // would be thrown away and done again once the rest of the page is in
    const frameId = requestAnimationFrame(follow);
    // KaTeX's web fonts may still be loading: widths change when they arrive. Not through
    // document.fonts.ready, whose getter lays the page out there and then, on every step
    const fonts = typeof document.fonts?.addEventListener === 'function' ? document.fonts : null;
    fonts?.addEventListener('loadingdone', follow);
    window.addEventListener('resize', follow);
    return () => {
      cancelAnimationFrame(frameId);
      fonts?.removeEventListener('loadingdone', follow);
      window.removeEventListener('resize', follow);
    };
  }, [frame, worksheetId, presenting]);
  return null;
}
