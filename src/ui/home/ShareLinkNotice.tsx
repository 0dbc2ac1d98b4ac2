// Why the worksheet a link names is not here, and why the share link followed last cannot be
// opened, in words a student can act on; a worksheet that breaks the format's rules lists every
// problem, with the field it concerns.
import { useEffect } from 'react';
import { shownText, SHOWN_TITLE_CHARS } from '../../core/format/shownText';
import { formatProblem } from '../../core/format/validate';
import { isKeptId } from '../../store/library';
import { OPENED_FILE } from '../../store/worksheetStore';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';

/** Why the worksheet the address names is not open: it is kept in another browser, say. */
export function MissingWorksheetNotice() {
  const id = useWorksheet((s) => s.missingWorksheet);
  useEffect(() => {
    if (id !== null) window.scrollTo?.(0, 0);
  }, [id]);
  if (id === null) return null;
  const kind = id === OPENED_FILE ? 'file' : isKeptId(id) ? 'kept' : 'unknown';
  return (
    <div role="alert" className="problem-list missing-worksheet-notice">
      <p>{messages.missingWorksheet(shownText(id, SHOWN_TITLE_CHARS), kind)}</p>
    </div>
  );
}

export function ShareLinkNotice() {
  const problem = useWorksheet((s) => s.shareLinkProblem);
  // followed from low on an open sheet, the message would be above the window
  useEffect(() => {
    if (problem) window.scrollTo?.(0, 0);
  }, [problem]);
  if (!problem) return null;
  return (
    <div role="alert" className="problem-list share-link-notice" data-reason={problem.reason}>
      <p>
        <strong>{messages.shareLinkCannotOpen}</strong> {messages.shareLinkReasons[problem.reason]}
      </p>
      {problem.problems.length > 0 && (
        <ul lang="en">
          {problem.problems.map((p, k) => (
            <li key={k}>{formatProblem(p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
