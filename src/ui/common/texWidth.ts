// About how wide KaTeX draws a formula, in em of the text around it, worked out from the TeX
// alone: the width of the stand-in that holds a formula's place until KaTeX is in (see Tex.tsx).
// The advance widths are KaTeX_Main's and KaTeX_Math's (katex/src/fontMetricsData.js, rounded),
// the spacing TeX's (a binary operator 4mu either side, a relation 5mu); KaTeX draws at 1.21em.

const KATEX_SCALE = 1.21;
/** A sub- or superscript is drawn at 0.7 of the text it belongs to. */
const SCRIPT_SCALE = 0.7;
const BIN = 2 * 0.2222;
const REL = 2 * 0.2778;
/** A matrix's bracket with the space beside it. */
const BRACKET = 0.5;
/** What closes a matrix's group: \end{…}. */
const END = 'end';

/** KaTeX_Math's italic letters, where they differ much from the usual 0.55em. */
const LETTER: Record<string, number> = {
  W: 1.05,
  L: 0.68,
  X: 0.83,
  Y: 0.76,
  H: 0.89,
  E: 0.76,
  C: 0.76,
  T: 0.7,
  A: 0.75,
  B: 0.76,
  i: 0.35,
  j: 0.41,
  l: 0.3,
  t: 0.36,
  f: 0.55,
  r: 0.45,
  c: 0.43,
  b: 0.43,
  m: 0.88,
  w: 0.72,
  k: 0.52,
};
/** KaTeX_Main's upright characters. */
const CHAR: Record<string, number> = {
  '.': 0.28,
  ',': 0.28,
  '(': 0.39,
  ')': 0.39,
  '[': 0.28,
  ']': 0.28,
  '|': 0.28,
  '!': 0.28,
  "'": 0.28,
  '/': 0.5,
  ':': 0.28,
  ';': 0.28,
  '&': 1,
};
/** Commands: their width, and whether TeX spaces them as a binary operator or a relation. */
const COMMAND: Record<string, number> = {
  cdot: 0.28 + BIN,
  odot: 0.78 + BIN,
  times: 0.78 + BIN,
  leftarrow: 1 + REL,
  sigma: 0.57,
  partial: 0.57,
  eta: 0.5,
  top: 0.78,
  infty: 1,
  cdots: 1.17,
  sum: 1.06 + 0.17,
  tanh: 2,
  ln: 0.83,
  ',': 0.17,
  ' ': 0.33,
  quad: 1,
};

/** The width of a formula, in em of the surrounding text. */
export function texWidthEm(tex: string): number {
  return KATEX_SCALE * groupWidth(tex, { at: 0 });
}

/** The width up to `closing` ('}', END or the end of the TeX). */
function groupWidth(tex: string, pos: { at: number }, closing?: string): number {
  let width = 0;
  // a matrix's rows (split by \\) are stacked: the widest counts
  let widestRow = 0;
  while (pos.at < tex.length) {
    const c = tex[pos.at] as string;
    pos.at++;
    if (c === closing) break;
    if (c === '\\' && closing === END && tex.startsWith(END, pos.at)) {
      pos.at += END.length;
      argumentWidth(tex, pos);
      break;
    }
    if (c === '\\' && tex[pos.at] === '\\') {
      pos.at++;
      [widestRow, width] = [Math.max(widestRow, width), 0];
    } else if (c === '{') width += groupWidth(tex, pos, '}');
    else if (c === '_' || c === '^') {
      // a sub- and a superscript together are stacked: the wider counts
      let script = argumentWidth(tex, pos);
      if (tex[pos.at] === (c === '_' ? '^' : '_')) {
        pos.at++;
        script = Math.max(script, argumentWidth(tex, pos));
      }
      width += SCRIPT_SCALE * script;
    } else if (c === '\\') width += commandWidth(tex, pos);
    else if (c === '=' || c === '<' || c === '>') width += 0.78 + REL;
    else if (c === '+' || c === '-') width += 0.78 + BIN;
    else if (/[0-9]/.test(c)) width += 0.5;
    else if (/[A-Za-z]/.test(c)) width += LETTER[c] ?? (c < 'a' ? 0.75 : 0.55);
    else if (c !== ' ') width += CHAR[c] ?? 0.5;
  }
  return Math.max(widestRow, width);
}

/** After a backslash: the command's width, its arguments included. */
function commandWidth(tex: string, pos: { at: number }): number {
  // a backslash at the very end names nothing
  const name = /^[A-Za-z]+|^[\s\S]/.exec(tex.slice(pos.at))?.[0] ?? '';
  if (name === '') return 0;
  pos.at += name.length;
  if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
    // numerator over denominator; \tfrac draws both as scripts
    const wider = Math.max(argumentWidth(tex, pos), argumentWidth(tex, pos));
    return (name === 'tfrac' ? SCRIPT_SCALE : 1) * wider + 0.24;
  }
  if (name === 'text' || name === 'mathrm') return argumentWidth(tex, pos);
  if (name === 'char') {
    // \char92{}: a character by its code (how names with TeX's special characters are written)
    pos.at += (/^\d*(\{\})?/.exec(tex.slice(pos.at)) as RegExpExecArray)[0].length;
    return 0.5;
  }
  if (name === 'left' || name === 'right') return argumentWidth(tex, pos);
  if (name === 'begin') {
    // a matrix: its widest row between its brackets (the environment's name is not drawn)
    argumentWidth(tex, pos);
    return groupWidth(tex, pos, END) + 2 * BRACKET;
  }
  return COMMAND[name] ?? (/[A-Za-z]/.test(name) ? 1 : (CHAR[name] ?? 0.5));
}

/** A command's argument or a script: a group, a command or one character. */
function argumentWidth(tex: string, pos: { at: number }): number {
  while (tex[pos.at] === ' ') pos.at++;
  if (tex[pos.at] === '{') {
    pos.at++;
    return groupWidth(tex, pos, '}');
  }
  const one = (/^\\[A-Za-z]+|^\\[\s\S]?|^[\s\S]/.exec(tex.slice(pos.at)) ?? [''])[0];
  pos.at += one.length;
  return groupWidth(one, { at: 0 });
}
