// Which handout is being printed, if any: the sheet's blocks read it to fill every box (the key)
// or only the givens (the blank), the way they read the current frame otherwise. Outside the
// worksheet store: it lasts only while the browser prints, and belongs to no worksheet.
import { useSyncExternalStore } from 'react';
import type { HandoutVersion } from './printLayout';

let version: HandoutVersion | null = null;
const listeners = new Set<() => void>();

export function setPrintVersion(next: HandoutVersion | null): void {
  if (next === version) return;
  version = next;
  for (const listener of listeners) listener();
}

export function printVersion(): HandoutVersion | null {
  return version;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The handout being printed (null while none is). */
export function usePrintVersion(): HandoutVersion | null {
  return useSyncExternalStore(subscribe, printVersion, printVersion);
}
