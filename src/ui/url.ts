// The URL says which worksheet and which frame: #/rnn-by-hand/12 (frame 12, counted from 1), or
// #/rnn-by-hand/5/vector; #/ is the home page (and no hash leaves the page as the app opened it). An instructor can put it on a slide; back and
// forward move through it.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Granularity } from '../store/frames';
import { OPENED_FILE, type WorksheetState } from '../store/worksheetStore';
import { findBuiltIn } from '../worksheets';

export interface Location {
  /** null: the home page */
  readonly id: string | null;
  /** 0-based */
  readonly frame: number;
  readonly granularity: Granularity;
}

export function parseHash(hash: string): Location | null {
  if (hash === '#/') return { id: null, frame: 0, granularity: 'number' };
  const m = /^#\/([\w-]+)(?:\/(\d+))?(?:\/(number|vector))?$/.exec(hash);
  if (!m) return null;
  return {
    id: m[1] as string,
    frame: Math.max(0, Number(m[2] ?? '1') - 1),
    granularity: (m[3] as Granularity | undefined) ?? 'number',
  };
}

export function formatHash(l: Location): string {
  if (l.id === null) return '#/';
  return `#/${l.id}/${l.frame + 1}${l.granularity === 'vector' ? '/vector' : ''}`;
}

function apply(store: StoreApi<WorksheetState>, l: Location): void {
  const s = store.getState();
  // an opened file lives only in this page: a link to it (after a reload) leads home
  // and so does a link to a worksheet this build does not have
  const unknown = l.id !== null && l.id !== OPENED_FILE && !findBuiltIn(l.id);
  if (l.id === null || unknown || (l.id === OPENED_FILE && s.worksheetId !== OPENED_FILE)) {
    if (s.worksheetId !== null) s.goHome();
    return;
  }
  if (s.worksheetId !== l.id) s.open(l.id);
  if (store.getState().granularity !== l.granularity) store.getState().setGranularity(l.granularity);
  store.getState().goTo(l.frame);
}

export function useUrlSync(store: StoreApi<WorksheetState>): void {
  useEffect(() => {
    const fromUrl = () => {
      const l = parseHash(window.location.hash);
      if (l) apply(store, l);
    };
    fromUrl();
    const current = () => {
      const s = store.getState();
      return formatHash({ id: s.worksheetId, frame: s.frame, granularity: s.granularity });
    };
    if (window.location.hash !== current()) window.history.replaceState(null, '', current());
    const unsubscribe = store.subscribe(() => {
      const hash = current();
      if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    });
    window.addEventListener('popstate', fromUrl);
    window.addEventListener('hashchange', fromUrl);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', fromUrl);
      window.removeEventListener('hashchange', fromUrl);
    };
  }, [store]);
}
