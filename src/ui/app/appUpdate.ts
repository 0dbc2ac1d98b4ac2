// A new version of the app, installed by the service worker and waiting for the student: the bar
// that says so (UpdateBar.tsx) reads this, serviceWorker.ts writes it. Apart from the service
// worker itself, so that the bar can be rendered and tested without one.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { inQuiz, quizOver } from '../../store/slices/shared';
import type { WorksheetState } from '../../store/worksheetStore';

export interface AppUpdate {
  /** a new version is installed and can be taken */
  readonly ready: boolean;
  /** takes the new version: the page reloads with it */
  readonly take: () => void;
}

export function createAppUpdate(): StoreApi<AppUpdate> {
  return createStore<AppUpdate>(() => ({ ready: false, take: () => {} }));
}

/**
 * Whether the student may be offered the new version now: not while a quiz is being taken (a
 * reload there would cost them its clock and their focus), only once it is handed in or left.
 */
export function updateMayBeOffered(s: WorksheetState): boolean {
  return !inQuiz(s) || quizOver(s);
}
