// The URL says what is open: #/rnn-by-hand/12 (frame 12 of the walkthrough, counted from 1), or
// #/rnn-by-hand/5/vector; #/elman-ciao/backward/7 (frame 7 of the backward pass); #/rnn-by-hand/practice;
// #/elman-ciao/backward/practice (practice on the gradients); #/quiz?cell=lstm&…&seed=k3x9 (a quiz, the same
// in every browser); #/ is the home page (and no hash leaves the page as the app opened it). An
// instructor can put any of them on a slide; back and forward move through them.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { formatQuizQuery, parseQuizQuery } from '../../core/practice/quiz';
import type { Direction, Granularity } from '../../store/frames';
import { OPENED_FILE, QUIZ, type WorksheetState } from '../../store/worksheetStore';
import { quizTitle } from '../quiz/quizLink';

export type Location =
  | { readonly kind: 'home' }
  | {
      readonly kind: 'worksheet';
      readonly id: string;
      /** 0-based */
      readonly frame: number;
      readonly granularity: Granularity;
      readonly direction: Direction;
      readonly mode: 'walkthrough' | 'practice';
    }
  | { readonly kind: 'quiz'; readonly query: string };

export function parseHash(hash: string): Location | null {
  if (hash === '#/') return { kind: 'home' };
  // a bare #/quiz is a quiz link without its settings: its problems are listed, not the home page
  if (hash === '#/quiz' || hash.startsWith('#/quiz?')) return { kind: 'quiz', query: hash.slice('#/quiz?'.length) };
  const practice = /^#\/([\w-]+)(?:\/(backward))?\/practice$/.exec(hash);
  if (practice)
    return {
      kind: 'worksheet',
      id: practice[1] as string,
      frame: 0,
      granularity: 'number',
      direction: practice[2] ? 'backward' : 'forward',
      mode: 'practice',
    };
  const m = /^#\/([\w-]+)(?:\/(backward))?(?:\/(\d+))?(?:\/(number|vector))?$/.exec(hash);
  if (!m) return null;
  return {
    kind: 'worksheet',
    id: m[1] as string,
    frame: Math.max(0, Number(m[3] ?? '1') - 1),
    granularity: (m[4] as Granularity | undefined) ?? 'number',
    direction: m[2] ? 'backward' : 'forward',
    mode: 'walkthrough',
  };
}

export function formatHash(s: WorksheetState): string {
  if (s.worksheetId === null) return '#/';
  if (s.mode === 'quiz' && s.quiz) return `#/quiz?${formatQuizQuery(s.quiz.settings, s.quiz.seed)}`;
  const direction = s.direction === 'backward' ? '/backward' : '';
  if (s.mode === 'practice') return `#/${s.worksheetId}${direction}/practice`;
  return `#/${s.worksheetId}${direction}/${s.frame + 1}${s.granularity === 'vector' ? '/vector' : ''}`;
}

function apply(store: StoreApi<WorksheetState>, l: Location): void {
  const s = store.getState();
  if (l.kind === 'quiz') {
    const parsed = parseQuizQuery(l.query);
    if (!parsed.ok) {
      s.showQuizLinkProblems(parsed.problems);
      return;
    }
    s.startQuiz(parsed.settings, parsed.seed, quizTitle(parsed.settings, parsed.seed));
    return;
  }
  // an opened file that is not kept lives only in this page: a link to it (after a reload) leads
  // home, and so does a link to a worksheet neither this build nor this browser has
  const unknown = l.kind === 'worksheet' && l.id !== OPENED_FILE && l.id !== QUIZ && !s.canOpen(l.id);
  if (l.kind === 'home' || unknown || l.id === QUIZ || (l.id === OPENED_FILE && s.worksheetId !== OPENED_FILE)) {
    if (s.worksheetId !== null) s.goHome();
    return;
  }
  if (s.worksheetId !== l.id || s.mode === 'quiz') s.open(l.id);
  store.getState().setMode(l.mode);
  if (store.getState().granularity !== l.granularity) store.getState().setGranularity(l.granularity);
  // practice asks the pass the link names
  if (l.mode !== 'walkthrough') {
    if (store.getState().direction !== l.direction) store.getState().setDirection(l.direction);
    return;
  }
  if (store.getState().direction !== l.direction) store.getState().setDirection(l.direction, l.frame);
  else store.getState().goTo(l.frame);
}

export function useUrlSync(store: StoreApi<WorksheetState>): void {
  useEffect(() => {
    const current = () => formatHash(store.getState());
    // a broken quiz link stays in the address bar, beside its problems, to be mended there
    const keep = () => store.getState().quizLinkProblems !== null && store.getState().worksheetId === null;
    // while the address is being followed, the states it passes through (another worksheet at its
    // first frame, before the frame the link names) are not written back: Chromium fires both
    // popstate and hashchange for a link, and the second read that halfway address and went there
    let following = false;
    const fromUrl = () => {
      const l = parseHash(window.location.hash);
      if (!l) return;
      if (pending) clearTimeout(pending.timer);
      pending = null;
      following = true;
      try {
        apply(store, l);
      } finally {
        following = false;
      }
      // the address says what is shown (a link the app reads otherwise, frame 0 as 1, say)
      if (window.location.hash !== current() && !keep()) window.history.replaceState(null, '', current());
    };
    const push = (hash: string) => {
      if (window.location.hash !== hash && !keep()) window.history.pushState(null, '', hash);
    };
    // a step within the walkthrough is written just after it is drawn (the address bar costs a few
    // milliseconds a write, which a step need not wait for), each step its own place in the
    // history; another worksheet or mode is written at once
    let pending: { hash: string; timer: ReturnType<typeof setTimeout> } | null = null;
    let inAction = false;
    const flush = () => {
      if (!pending) return;
      clearTimeout(pending.timer);
      const { hash } = pending;
      pending = null;
      push(hash);
    };
    const unsubscribe = store.subscribe((s, before) => {
      if (following) return;
      const sameSheet = s.worksheetId === before.worksheetId && s.mode === before.mode && s.quiz === before.quiz;
      const hash = formatHash(s);
      if (!sameSheet) {
        flush();
        push(hash);
        return;
      }
      // an action that sets the state in several strokes (another granularity, then the frame of
      // the same number in it) is one place in the history: strokes before the next microtask are
      // one action; a step pressed after (even before the write) is a place of its own
      if (pending && inAction) clearTimeout(pending.timer);
      else flush();
      pending = window.location.hash !== hash ? { hash, timer: setTimeout(flush) } : null;
      if (!inAction) {
        inAction = true;
        queueMicrotask(() => (inAction = false));
      }
    });
    fromUrl();
    if (window.location.hash !== current() && !keep()) window.history.replaceState(null, '', current());
    window.addEventListener('popstate', fromUrl);
    window.addEventListener('hashchange', fromUrl);
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('popstate', fromUrl);
      window.removeEventListener('hashchange', fromUrl);
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);
}
