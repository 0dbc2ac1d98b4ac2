// Embed mode, for a course page's <iframe>: `embed=1` in the address's query (#/rnn-by-hand/3?embed=1)
// shows the sheet and its controls only. It is the page's for its life (the frame was opened so),
// kept in the address through every step, and left out of what the address means otherwise.
import { createContext, useContext } from 'react';

const EMBED = 'embed=1';

function split(hash: string): { path: string; params: string[] } {
  const q = hash.indexOf('?');
  if (q < 0) return { path: hash, params: [] };
  return { path: hash.slice(0, q), params: hash.slice(q + 1).split('&') };
}

function join(path: string, params: readonly string[]): string {
  return params.length === 0 ? path : `${path}?${params.join('&')}`;
}

/** A mark of how the page is shown, rather than of what is open: embedded, presenting. */
export const PRESENT = 'present=1';

/** Whether the address carries the mark (embed mode by default). */
export function embedRequested(hash: string, mark = EMBED): boolean {
  return split(hash).params.includes(mark);
}

/** The address without the mark: what is open there (the rest of the query left as written). */
export function withoutEmbed(hash: string, mark = EMBED): string {
  const { path, params } = split(hash);
  return join(
    path,
    params.filter((p) => p !== mark),
  );
}

/** The address with the mark last in its query. */
export function withEmbed(hash: string, mark = EMBED): string {
  const { path, params } = split(withoutEmbed(hash, mark));
  return join(path, [...params, mark]);
}

export const EmbeddedContext = createContext(false);

export function useEmbedded(): boolean {
  return useContext(EmbeddedContext);
}
