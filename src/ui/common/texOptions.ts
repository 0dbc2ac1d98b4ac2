// How KaTeX renders every formula. The formulas are the engine's, but a worksheet's labels and
// tokens reach them (as \text, escaped: see identifierTex), so KaTeX runs as if they were hostile:
// no \href, \url, \htmlClass or \includegraphics (trust: false), no macro that expands itself
// without end (maxExpand), no rule or space sized to cover the page (maxSize, in em), and
// anything KaTeX or LaTeX would not accept is an error, drawn as its own source text in red
// (strict with throwOnError: false) rather than guessed at, except a character KaTeX has no
// metrics for: a label may be written in any script ("Wₕ", "权重"), and is drawn in the page's font.
import type { KatexOptions } from 'katex';

export const TEX_OPTIONS: KatexOptions = {
  throwOnError: false,
  strict: (code: string) => (code === 'unknownSymbol' || code === 'symbolNotInFont' ? 'ignore' : 'error'),
  trust: false,
  maxExpand: 200,
  maxSize: 10,
  // MathML beside the drawn HTML: a screen reader reads the equation, not a run of glyphs
  output: 'htmlAndMathml',
};
