// One TeX formula, rendered by KaTeX into static HTML (the formulas come from the engine, not the user).
//
// KaTeX is more than a third of the JS, and its HTML (some 25 nested spans a formula) most of
// the DOM a sheet lays out; the sheet's numbers need neither. So KaTeX is a chunk of its own,
// loaded once the page has painted (loadTexAfterPaint, from main.tsx), and until it arrives a
// formula is held by an invisible stand-in of about its size: KaTeX's fonts are still on their
// way then (font-display: block), so its formulas would not be seen yet either, and the stand-in
// keeps the sheet from moving when they come. Once KaTeX is in, every formula renders at once (a
// transition, so a key pressed meanwhile is not kept waiting), and from then on synchronously.
import { memo, startTransition, useEffect, useState, type ReactNode } from 'react';

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
        html = katex.renderToString(tex, { throwOnError: false, strict: 'ignore', output: 'html' });
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

// --- the stand-in: the formula's letters in KaTeX's fonts and sizes, unseen ------------------

const STAND_IN: React.CSSProperties = {
  font: "normal 1.21em KaTeX_Main, 'Times New Roman', serif",
  lineHeight: 1.2,
  whiteSpace: 'nowrap',
  visibility: 'hidden',
};
const LETTER: React.CSSProperties = { fontFamily: 'KaTeX_Math', fontStyle: 'italic' };
const SCRIPT: React.CSSProperties = { fontSize: '0.7em', lineHeight: 0 };
const STACK: React.CSSProperties = {
  display: 'inline-flex',
  flexDirection: 'column',
  verticalAlign: 'middle',
  fontSize: '0.7em',
  lineHeight: 1,
};
/** TeX's spacing around a binary operator (4mu) and a relation (5mu), in em. */
const BIN = '0.2222em';
const REL = '0.2778em';
const SYMBOLS: Record<string, [string, string?]> = {
  odot: ['\u2299', BIN],
  cdot: ['\u22c5', BIN],
  times: ['\u00d7', BIN],
  sigma: ['\u03c3'],
  partial: ['\u2202'],
  sum: ['\u2211', '0.1667em'],
  top: ['\u22a4'],
  tanh: ['tanh'],
  ln: ['ln'],
  ReLU: ['ReLU'],
};

/** About the width and height of the formula, as plain text; never shown. */
function standIn(tex: string): ReactNode {
  return (
    <span style={STAND_IN} aria-hidden="true">
      {parse(tex, { at: 0 })}
    </span>
  );
}

function parse(tex: string, pos: { at: number }, closing?: string): ReactNode[] {
  const out: ReactNode[] = [];
  const key = () => out.length;
  const spaced = (text: string, space: string) => (
    <span key={key()} style={{ margin: `0 ${space}` }}>
      {text}
    </span>
  );
  while (pos.at < tex.length) {
    const c = tex[pos.at] as string;
    if (c === closing) {
      pos.at++;
      break;
    }
    if (c === '{') {
      pos.at++;
      out.push(<span key={key()}>{parse(tex, pos, '}')}</span>);
    } else if (c === '_' || c === '^') {
      pos.at++;
      const first = script(tex, pos);
      const other = tex[pos.at] === (c === '_' ? '^' : '_');
      if (other) pos.at++;
      const second = other ? script(tex, pos) : null;
      out.push(
        second ? (
          <span key={key()} style={STACK}>
            <span>{c === '^' ? first : second}</span>
            <span>{c === '^' ? second : first}</span>
          </span>
        ) : (
          <span key={key()} style={SCRIPT}>
            {first}
          </span>
        ),
      );
    } else if (c === '\\') {
      const m = /^\\([A-Za-z]+|.)/.exec(tex.slice(pos.at)) as RegExpExecArray;
      pos.at += m[0].length;
      const name = m[1] as string;
      if (name === ',') out.push(spaced('', '0.0833em'));
      else if (name === 'text' || name === 'mathrm' || name === 'tfrac' || name === 'dfrac') continue;
      else if (name === 'char') pos.at = tex.indexOf('{}', pos.at) + 2;
      else if (SYMBOLS[name]) {
        const [text, space] = SYMBOLS[name] as [string, string?];
        out.push(space ? spaced(text, space) : text);
      } else if (!/[A-Za-z]/.test(name)) out.push(name);
    } else if (c === '=' || c === '<' || c === '>') {
      pos.at++;
      out.push(spaced(c, REL));
    } else if (c === '+' || c === '-') {
      pos.at++;
      out.push(spaced(c === '-' ? '\u2212' : c, BIN));
    } else if (c === ' ') pos.at++;
    else {
      pos.at++;
      out.push(
        /[A-Za-z]/.test(c) ? (
          <span key={key()} style={LETTER}>
            {c}
          </span>
        ) : (
          c
        ),
      );
    }
  }
  return out;
}

/** A sub- or superscript: a group, a command or one character. */
function script(tex: string, pos: { at: number }): ReactNode[] {
  if (tex[pos.at] === '{') {
    pos.at++;
    return parse(tex, pos, '}');
  }
  const m = /^\\[A-Za-z]+|^./.exec(tex.slice(pos.at));
  const one = m ? m[0] : '';
  pos.at += one.length;
  return parse(one, { at: 0 });
}
