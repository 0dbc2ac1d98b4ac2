// The home page: every built-in worksheet with a line on what it teaches.
import { BUILT_IN_WORKSHEETS } from '../worksheets';
import { messages } from './messages';
import { OpenFile } from './OpenFile';
import './Home.css';

export function Home() {
  return (
    <section className="home" aria-label={messages.home}>
      <p>{messages.homeIntro}</p>
      <OpenFile />
      <ul className="worksheet-list">
        {BUILT_IN_WORKSHEETS.map((w) => (
          <li key={w.id}>
            <a href={`#/${w.id}/1`} aria-label={messages.openWorksheet(w.title)}>
              {w.title}
            </a>
            <p>{messages.worksheetDescriptions[w.id] ?? ''}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
