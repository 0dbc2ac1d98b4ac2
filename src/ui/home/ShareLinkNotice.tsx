// Why the share link followed last cannot be opened, in words a student can act on; a worksheet
// that breaks the format's rules lists every problem, with the field it concerns.
import { useEffect } from 'react';
import { formatProblem } from '../../core/format/validate';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';

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
