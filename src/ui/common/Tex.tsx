// One TeX formula, rendered by KaTeX into static HTML with the options of texOptions.ts (the
// formulas come from the engine; a worksheet's labels and tokens reach them only escaped).
//
// KaTeX is more than a third of the JS, and its HTML (some 25 nested spans a formula) most of
// the DOM a sheet lays out; the sheet's numbers need neither. So KaTeX is a chunk of its own,
// loaded once the page has painted (loadTexAfterPaint, from main.tsx), and until it arrives a
// formula is held by an empty, invisible box of about its width (texWidth.ts): KaTeX's fonts are
// still on their way then (font-display: block), so its formulas would not be seen yet either,
// and the box keeps the sheet from moving when they come. Once KaTeX is in, every formula renders
// at once (a transition, so a key pressed meanwhile is not kept waiting), and from then on
// synchronously.
import { memo, startTransition, useEffect, useState, type ReactNode } from 'react';
import { TEX_OPTIONS } from './texOptions';
import { texWidthEm } from './texWidth';
import './Tex.css';

type Render = (tex: string) => string;

let render: Render | null = null;
/** Enough for every formula of a by-hand sheet and of the frames around the one shown. */
const CACHED_FORMULAS = 2000;
let loading: Promise<Render> | null = null;
const waiting = new Set<() => void>();

/** Loads KaTeX (once); every formula waiting for it renders when it is in. */
function loadTex(): Promise<Render> {
  loading ??= import('katex').then(({ default: katex }) => {
    // the formulas drawn lately, newest last: stepping back and forth draws them again at once,
    // and a walk through every frame of a large sheet does not keep every formula it passed
    const cache = new Map<string, string>();
    render = (tex) => {
      let html = cache.get(tex);
      if (html === undefined) {
        html = katex.renderToString(tex, TEX_OPTIONS);
        if (cache.size >= CACHED_FORMULAS) cache.delete(cache.keys().next().value as string);
      } else cache.delete(tex);
      cache.set(tex, html);
      return html;
    };
    for (const ready of waiting) ready();
    waiting.clear();
    return render;
  });
  // the chunk did not come (the network went away): the next formula asks again
  loading.catch(() => {
    loading = null;
    scheduled = false;
  });
  return loading;
}

/** Resolves once KaTeX is in; formulas mounted from then on render at once (a test that opens sheets awaits it). */
export function texLoaded(): Promise<void> {
  return loadTex().then(() => undefined);
}

let scheduled = false;

/** Loads KaTeX once the next frame is painted: a task queued from a frame runs after its paint. */
export function loadTexAfterPaint(): void {
  if (scheduled || loading) return;
  scheduled = true;
  requestAnimationFrame(() => setTimeout(() => void loadTex()));
}

export const Tex = memo(function Tex({ tex, className }: { tex: string; className?: string }) {
  const [ready, setReady] = useState(render !== null);
  useEffect(() => {
    if (ready) return;
    const wake = () => startTransition(() => setReady(true));
    waiting.add(wake);
    // loaded between this render and its effect, or not asked for yet (a test rendering a part alone)
    if (render) wake();
    else loadTexAfterPaint();
    return () => void waiting.delete(wake);
  }, [ready]);
  if (!ready || !render) return <span className={className}>{standIn(tex)}</span>;
  return <span className={className} dangerouslySetInnerHTML={{ __html: render(tex) }} />;
});

/**
 * Holds the formula's place, unseen: an empty box about as wide as KaTeX will draw it. Empty, so
 * that the first paint lays out no text in KaTeX's fonts (each font and size a strike of its own).
 */
function standIn(tex: string): ReactNode {
  return <span className="tex-stand-in" style={{ width: `${texWidthEm(tex).toFixed(2)}em` }} aria-hidden="true" />;
}
