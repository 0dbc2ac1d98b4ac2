// Free text from a worksheet (a title, a label, a token) as the app shows it: never more than a
// line's worth, and without the characters that would act on the text around it.

/** The longest label shown (a parameter's name in an equation): longer ones end in "…". */
export const SHOWN_LABEL_CHARS = 24;
/** The longest title shown. */
export const SHOWN_TITLE_CHARS = 160;

// Bidirectional embeddings, overrides, isolates and marks: a label's own U+202E would run every
// number after it in the equation right to left. Other control characters show as nothing useful.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const ACTING_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * At most `max` characters (code points, so an emoji is never cut in half), the rest replaced by
 * "…", without control or bidirectional characters. Reads only as far as it keeps: a million
 * characters cost no more than `max`.
 */
export function shownText(text: string, max: number): string {
  const chars = Array.from(text.slice(0, 2 * max + 2).replace(ACTING_CHARACTERS, ''));
  const cut = chars.length > max || text.length > 2 * max + 2;
  return cut ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
