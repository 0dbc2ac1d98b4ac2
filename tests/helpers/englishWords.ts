// The English words in a text meant to be Chinese. Latin letters a Chinese page may still show
// (the allowed set): one-letter symbols with digits or a `_` subscript (h, x₁ as h0, W_hh, b_y, y_t,
// A4), the names below, and text in “…” quotes, which is a worksheet's own token or a student's
// input shown as typed. Anything else of two or more Latin letters is an English word left over.

/** People, models, functions, file formats, units and key caps: written so in Chinese too. */
export const ALLOWED_LATIN: ReadonlySet<string> = new Set([
  // people and the worksheets' sources
  'Tom',
  'Yeh',
  'Guo',
  'Boyd',
  'Graber',
  'Elman',
  // models and functions, as formulas write them
  'RNN',
  'LSTM',
  'GRU',
  'ReLU',
  'tanh',
  'softmax',
  'argmax',
  'log',
  'id',
  // file formats, units, a paper size
  'json',
  'CSV',
  'Markdown',
  'MiB',
  'KB',
  'MB',
  'mm',
  'Letter',
  // key caps
  'Home',
  'End',
  'Shift',
  'Ctrl',
  'Enter',
  'Tab',
  'Esc',
]);

const SYMBOL = /^[A-Za-z][0-9]*(?:_[A-Za-z0-9]+)?$/;

export function englishWords(text: string, alsoAllowed: ReadonlySet<string> = new Set()): string[] {
  const unquoted = text.replace(/“[^”]*”/g, ' ');
  return (unquoted.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter(
    (w) => !SYMBOL.test(w) && !ALLOWED_LATIN.has(w) && !alsoAllowed.has(w),
  );
}
