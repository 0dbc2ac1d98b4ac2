// A worksheet's title in the language chosen: a built-in's as the catalogue words it (its file,
// in the contract's format, holds only its English title), any other's as its file has it.
import { findBuiltIn, type BuiltInWorksheet } from '../../worksheets';
import { messages } from '../messages/messages';

export function builtInTitle(w: BuiltInWorksheet): string {
  return messages.worksheetTitles[w.id] ?? w.title;
}

/** The title of the worksheet open under `id`: a built-in's own words translated, a changed title as typed. */
export function worksheetTitle(id: string | null, fileTitle: string): string {
  const w = id === null ? undefined : findBuiltIn(id);
  return w && w.title === fileTitle ? builtInTitle(w) : fileTitle;
}
