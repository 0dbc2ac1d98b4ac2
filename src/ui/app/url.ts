// The URL says what is open: #/rnn-by-hand/12 (frame 12 of the walkthrough, counted from 1), or
// #/rnn-by-hand/5/vector; #/elman-ciao/backward/7 (frame 7 of the backward pass); #/rnn-by-hand/practice;
// #/elman-ciao/backward/practice (practice on the gradients); #/quiz?cell=lstm&…&seed=k3x9 (a quiz, the same
// in every browser); #/ is the home page (and no hash leaves the page as the app opened it). An
// instructor can put any of them on a slide; back and forward move through them. A worksheet's own
// input, where the student can change it, follows: #/elman-ciao/3?input=hello (the word typed),
// #/sentiment-many-to-one/1?input=2 (the second review). #/share/<link> opens the worksheet a share
// link carries, at the view the link names; the same position words may follow the link
// (#/share/<link>/backward/4), and do once the student moves, so that a reload shows it again.
// ?present=1 after a worksheet's address opens it in presentation mode, as a slide's link wants.
// Any of them may name a language, `lang=zh` in its query (#/rnn-by-hand/3?lang=zh,
// #/quiz?cell=lstm&…&lang=zh), as the share and quiz links the app hands out do: it opens in that
// language, which is then the user's choice. The address itself does not name it: Back would
// otherwise switch the language back with the place.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import {
  decodeShareLink,
  encodeShareLink,
  SHARE_LINK_LIMITS,
  type DecodedShareLink,
} from '../../core/format/shareLink';
import type { WorksheetFile } from '../../core/format/worksheet';
import { formatQuizQuery, parseQuizQuery } from '../../core/practice/quiz';
import type { Direction, Granularity } from '../../store/frames';
import { OPENED_FILE, QUIZ, type WorksheetState } from '../../store/worksheetStore';
import { sharedPayload } from '../../store/slices/share';
import { findBuiltIn, type BuiltInWorksheet } from '../../worksheets';
import { quizTitle } from '../quiz/quizLink';
import { embedRequested, PRESENT, withEmbed, withoutEmbed } from './embed';
import { isLanguage, takeLanguage } from '../messages/language';

/** Where in a worksheet: the frame (0-based), pass, granularity and mode. */
export interface Position {
  /** 0-based */
  readonly frame: number;
  readonly granularity: Granularity;
  readonly direction: Direction;
  readonly mode: 'walkthrough' | 'practice';
}

export type Location =
  | { readonly kind: 'home' }
  | ({
      readonly kind: 'worksheet';
      readonly id: string;
      /** the input the address asks for (a word, or a variant's number from 1), as written; absent: the file's own */
      readonly input?: string;
    } & Position)
  | { readonly kind: 'quiz'; readonly query: string }
  /** a share link, and the position words after it (null: the view the link itself names) */
  | { readonly kind: 'share'; readonly payload: string; readonly position: Position | null };

const FIRST_FRAME: Position = { frame: 0, granularity: 'number', direction: 'forward', mode: 'walkthrough' };

/** `/backward/7/vector`, `/practice` … after a worksheet's name; '' is its first frame. */
function parsePosition(path: string): Position | null {
  const practice = /^(?:\/(backward))?\/practice$/.exec(path);
  if (practice)
    return { frame: 0, granularity: 'number', direction: practice[1] ? 'backward' : 'forward', mode: 'practice' };
  const m = /^(?:\/(backward))?(?:\/(\d+))?(?:\/(number|vector))?$/.exec(path);
  if (!m) return null;
  return {
    frame: Math.max(0, Number(m[2] ?? '1') - 1),
    granularity: (m[3] as Granularity | undefined) ?? 'number',
    direction: m[1] ? 'backward' : 'forward',
    mode: 'walkthrough',
  };
}

function formatPosition(s: Position): string {
  const direction = s.direction === 'backward' ? '/backward' : '';
  if (s.mode === 'practice') return `${direction}/practice`;
  return `${direction}/${s.frame + 1}${s.granularity === 'vector' ? '/vector' : ''}`;
}

export function parseHash(link: string): Location | null {
  // embed mode and presenting are how the page is shown, and the language how it speaks, not what
  // is open (see embed.ts)
  const hash = withoutEmbed(withoutEmbed(takeLanguage(link).hash), PRESENT);
  if (hash === '#/') return { kind: 'home' };
  // a bare #/quiz is a quiz link without its settings: its problems are listed, not the home page
  if (hash === '#/quiz' || hash.startsWith('#/quiz?')) return { kind: 'quiz', query: hash.slice('#/quiz?'.length) };
  // whatever the link holds goes to its decoder, which says what is wrong with it
  const share = /^#\/share\/([^/]*)(\/.*)?$/.exec(hash);
  if (share) {
    const position = share[2] ? parsePosition(share[2]) : null;
    if (share[2] && !position) return null;
    return { kind: 'share', payload: share[1] as string, position };
  }
  const m = /^#\/([\w-]+)([^?]*)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const position = parsePosition(m[2] as string);
  if (!position) return null;
  const input = readInput(m[3]);
  return { kind: 'worksheet', id: m[1] as string, ...position, ...(input === null ? {} : { input }) };
}

function readInput(query: string | undefined): string | null {
  if (query === undefined) return null;
  try {
    return new URLSearchParams(query).get('input');
  } catch {
    return null;
  }
}

/** The address of what is open; in an embedded page, marked as embedded (see embed.ts). */
export function formatHash(s: WorksheetState, embedded = false): string {
  const open = openHash(s);
  // presenting is in the address, so that a slide can link straight into it
  const hash = s.presenting && s.worksheetId !== null ? withEmbed(open, PRESENT) : open;
  return embedded ? withEmbed(hash) : hash;
}

function openHash(s: WorksheetState): string {
  if (s.worksheetId === null) return '#/';
  if (s.mode === 'quiz' && s.quiz) return `#/quiz?${formatQuizQuery(s.quiz.settings, s.quiz.seed)}`;
  const position: Position = { ...s, mode: s.mode === 'practice' ? 'practice' : 'walkthrough' };
  const payload = sharedPayload(s);
  if (payload !== null) return `#/share/${payload}${formatPosition(position)}`;
  const input = formatInput(s.worksheetId, s.file);
  return `#/${s.worksheetId}${formatPosition(position)}${input === null ? '' : `?input=${encodeURIComponent(input)}`}`;
}

/** The input a built-in's address names, where it is not the file's own: the word, or the variant's number. */
function formatInput(id: string, file: unknown): string | null {
  const builtIn = findBuiltIn(id);
  if (!builtIn || (!builtIn.variants && !builtIn.editableWord)) return null;
  const tokens = tokensOf(file);
  if (sameTokens(tokens, tokensOf(builtIn.file))) return null;
  if (builtIn.editableWord) return tokens.join('');
  const k = (builtIn.variants ?? []).findIndex((v) => sameTokens(v.tokens, tokens));
  return k < 0 ? null : String(k + 1);
}

function tokensOf(file: unknown): readonly string[] {
  return (file as WorksheetFile | null)?.tokens ?? [];
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, k) => t === b[k]);
}

/**
 * Gives the open built-in the input its address names (none: its own), as the InputChooser would;
 * a word with letters the sheet has no vector for is handed to the chooser, to be shown as typed.
 */
function applyInput(store: StoreApi<WorksheetState>, builtIn: BuiltInWorksheet, input: string | null): void {
  const s = store.getState();
  const own = builtIn.file as WorksheetFile;
  const itsOwn = { tokens: own.tokens ?? [], ...(own.targets ? { targets: own.targets } : {}) };
  let wanted: { tokens: readonly string[]; targets?: readonly (readonly number[])[] } | null = null;
  if (input === null) wanted = itsOwn;
  // a variant the sheet does not have (a number out of range): its own input, as with no number
  else if (builtIn.variants) wanted = (/^\d+$/.test(input) ? builtIn.variants[Number(input) - 1] : null) ?? itsOwn;
  else if (builtIn.editableWord) {
    const letters = [...input];
    const vocabulary = own.vocabulary ?? {};
    if (letters.length > 0 && letters.every((ch) => Object.hasOwn(vocabulary, ch))) wanted = { tokens: letters };
    else s.setAddressWord({ worksheetId: builtIn.id, text: input });
  }
  if (!wanted || sameTokens(wanted.tokens, tokensOf(s.file))) return;
  s.setInput(wanted.tokens, wanted.targets);
}

/** To the position within the open worksheet (its mode, granularity, pass and frame). */
function applyPosition(store: StoreApi<WorksheetState>, l: Position): void {
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

function apply(store: StoreApi<WorksheetState>, l: Exclude<Location, { kind: 'share' }>): void {
  const s = store.getState();
  s.clearShareLinkProblem();
  if (s.addressWord) s.setAddressWord(null);
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
  const builtIn = l.kind === 'worksheet' ? findBuiltIn(l.id) : undefined;
  const unknown = l.kind === 'worksheet' && l.id !== OPENED_FILE && l.id !== QUIZ && !s.canOpen(l.id);
  const gone = l.kind === 'worksheet' && l.id === OPENED_FILE && s.worksheetId !== OPENED_FILE;
  // a link that names what is not here says so on the home page, rather than leaving a student
  // wondering why the worksheet of their course page is not the one they see
  if (unknown || gone) {
    s.showMissingWorksheet(l.id);
    return;
  }
  if (l.kind === 'home' || l.id === QUIZ) {
    if (s.worksheetId !== null) s.goHome();
    return;
  }
  if (s.worksheetId !== l.id || s.mode === 'quiz') s.open(l.id);
  if (builtIn) applyInput(store, builtIn, l.input ?? null);
  applyPosition(store, l);
}

/** Opens what a decoded share link carries, or says on the home page why it cannot be opened. */
function applyShare(
  store: StoreApi<WorksheetState>,
  l: Extract<Location, { kind: 'share' }>,
  decoded: DecodedShareLink,
): void {
  const s = store.getState();
  if (!decoded.ok) {
    s.showShareLinkProblem({ reason: decoded.reason, problems: decoded.problems ?? [] });
    return;
  }
  if (s.addressWord) s.setAddressWord(null);
  if (sharedPayload(s) !== l.payload || s.mode === 'quiz') s.openShared(l.payload, decoded.file);
  applyPosition(store, l.position ?? decoded.view ?? FIRST_FRAME);
}

/** The share link decoded last, and what it held. */
let lastDecoded: { readonly payload: string; readonly decoded: DecodedShareLink } | null = null;

export function useUrlSync(store: StoreApi<WorksheetState>, embedded = false): void {
  useEffect(() => {
    const current = () => formatHash(store.getState(), embedded);
    // a broken quiz or share link stays in the address bar, beside its problems, to be mended
    // there; so does a share link being decoded, over what was open before it
    const keep = () => {
      const s = store.getState();
      return (
        decoding !== null ||
        (s.worksheetId === null &&
          (s.quizLinkProblems !== null || s.shareLinkProblem !== null || s.missingWorksheet !== null))
      );
    };
    // while the address is being followed, the states it passes through (another worksheet at its
    // first frame, before the frame the link names) are not written back: Chromium fires both
    // popstate and hashchange for a link, and the second read that halfway address and went there
    let following = false;
    // a share link decodes asynchronously: whatever is followed or opened meanwhile wins over it
    let decoding: symbol | null = null;
    const quietly = (go: () => void) => {
      following = true;
      try {
        go();
      } finally {
        following = false;
      }
    };
    const follow = (go: () => void) => {
      if (pending) clearTimeout(pending.timer);
      pending = null;
      quietly(go);
      // the address says what is shown (a link the app reads otherwise, frame 0 as 1, say)
      if (window.location.hash !== current() && !keep()) window.history.replaceState(null, '', current());
    };
    const fromUrl = () => {
      const link = window.location.hash;
      // the language first, without a word to the address: the place the link names is followed next
      const { language } = takeLanguage(link);
      if (isLanguage(language) && language !== store.getState().language)
        quietly(() => store.getState().setLanguage(language));
      const l = parseHash(link);
      if (!l) return;
      decoding = null;
      const presenting = embedRequested(window.location.hash, PRESENT);
      if (l.kind !== 'share')
        return follow(() => {
          apply(store, l);
          if (store.getState().worksheetId !== null && store.getState().presenting !== presenting)
            store.getState().setPresenting(presenting);
        });
      // the link followed last (a step back or forward within it) is not decoded again
      if (lastDecoded?.payload === l.payload) {
        const { decoded } = lastDecoded;
        return follow(() => applyShare(store, l, decoded));
      }
      const mine = Symbol(l.payload);
      decoding = mine;
      void decodeShareLink(l.payload).then((decoded) => {
        lastDecoded = { payload: l.payload, decoded };
        if (decoding !== mine) return;
        decoding = null;
        follow(() => applyShare(store, l, decoded));
      });
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
    // a shared worksheet changed here (a slider, a training step) is packed again once the changes
    // pause, so that its address still reproduces it: about 1 ms for a by-hand sheet, but a drag
    // changes it every frame
    let repack: ReturnType<typeof setTimeout> | null = null;
    const repackSoon = () => {
      if (repack) clearTimeout(repack);
      repack = setTimeout(() => {
        repack = null;
        const { file } = store.getState();
        void encodeShareLink(file).then((payload) =>
          store.getState().reshare(payload.length <= SHARE_LINK_LIMITS.linkChars ? payload : null, file),
        );
      }, 300);
    };
    const unsubscribe = store.subscribe((s, before) => {
      if (following) return;
      const sameSheet = s.worksheetId === before.worksheetId && s.mode === before.mode && s.quiz === before.quiz;
      // another worksheet opened by hand while a link decodes: the link is not followed after all;
      // nor is a word the address asked for waiting for the next visit to the sheet it was for
      if (!sameSheet) decoding = null;
      if (s.worksheetId !== before.worksheetId && s.addressWord)
        queueMicrotask(() => store.getState().setAddressWord(null));
      // nor is the broken link's message waiting on the home page for the next visit
      if (s.worksheetId !== null && (s.shareLinkProblem !== null || s.missingWorksheet !== null))
        s.clearShareLinkProblem();
      if (s.shared !== null) {
        // left for another sheet: a file opened later is not this link's (after this change is written)
        if (s.worksheetId !== OPENED_FILE) queueMicrotask(() => store.getState().reshare(null, store.getState().file));
        else if (s.shared.file !== s.file) repackSoon();
        // the same place with the file packed again replaces the address: it is no step of its own
        if (s.shared !== before.shared && before.worksheetId === OPENED_FILE && s.mode === before.mode) {
          flush();
          if (window.location.hash !== current()) window.history.replaceState(null, '', current());
          return;
        }
      }
      const hash = formatHash(s, embedded);
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
      if (repack) clearTimeout(repack);
      unsubscribe();
      flush();
      window.removeEventListener('popstate', fromUrl);
      window.removeEventListener('hashchange', fromUrl);
      window.removeEventListener('pagehide', flush);
    };
  }, [store, embedded]);
}
