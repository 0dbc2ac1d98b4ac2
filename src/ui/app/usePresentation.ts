// Applies the mode and theme to the page: classes on <html> for the styles, and fullscreen while
// presenting where the browser allows it (it may refuse; presenting works without it).
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { WorksheetState } from '../../store/worksheetStore';

export function usePresentation(store: StoreApi<WorksheetState>): void {
  useEffect(() => {
    const root = document.documentElement;
    const apply = (s: WorksheetState, before?: WorksheetState) => {
      root.dataset.theme = s.theme;
      root.classList.toggle('presenting', s.presenting);
      if (before && s.presenting !== before.presenting) toggleFullscreen(s.presenting);
    };
    // the system's scheme, and its changes, until the user picks a theme
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    const follow = () => store.getState().followSystemTheme(scheme?.matches ?? false);
    follow();
    scheme?.addEventListener?.('change', follow);
    apply(store.getState());
    const unsubscribe = store.subscribe(apply);
    return () => {
      scheme?.removeEventListener?.('change', follow);
      unsubscribe();
    };
  }, [store]);
}

function toggleFullscreen(on: boolean): void {
  try {
    if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  } catch {
    // no fullscreen here (an embedded frame, a test browser): presenting goes on in the window
  }
}
