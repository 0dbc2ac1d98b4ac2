// The home page: the worksheets kept in this browser, and every built-in worksheet with a line on
// what it teaches.
import { useEffect } from 'react';
import { BUILT_IN_WORKSHEETS } from '../../worksheets';
import { messages } from '../messages/messages';
import { builtInTitle } from '../common/worksheetTitle';
import { NewQuiz } from '../quiz/NewQuiz';
import { KeptWorksheets } from './KeptWorksheets';
import { OpenFile } from './OpenFile';
import { MissingWorksheetNotice, ShareLinkNotice } from './ShareLinkNotice';
import { useWorksheet } from '../common/storeContext';
import './Home.css';

export function Home() {
  const linkProblems = useWorksheet((s) => s.quizLinkProblems);
  // followed from low on an open sheet, the problems would be above the window
  useEffect(() => {
    if (linkProblems) window.scrollTo?.(0, 0);
  }, [linkProblems]);
  return (
    <section className="home" aria-label={messages.home}>
      <ShareLinkNotice />
      <MissingWorksheetNotice />
      {linkProblems && (
        <div role="alert" className="problem-list">
          <p>{messages.quizLinkProblems}</p>
          <ul>
            {linkProblems.map((p) => (
              <li key={p.param}>{messages.quizLinkProblem(p.param, p.got, p.expected)}</li>
            ))}
          </ul>
        </div>
      )}
      <p>{messages.homeIntro}</p>
      <OpenFile />
      <KeptWorksheets />
      <ul className="worksheet-list">
        {BUILT_IN_WORKSHEETS.map((w) => (
          <li key={w.id}>
            <a href={`#/${w.id}/1`} aria-label={messages.openWorksheet(builtInTitle(w))}>
              {builtInTitle(w)}
            </a>
            <p>{messages.worksheetDescriptions[w.id] ?? ''}</p>
          </li>
        ))}
      </ul>
      <NewQuiz />
    </section>
  );
}
