import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { createLibrary } from './store/library';
import { createPersistence, watchOtherTabs } from './store/persist';
import { createPreferenceStorage } from './store/preferenceStorage';
import { createWorksheetStore, storageKey } from './store/worksheetStore';
import { App } from './ui/app/App';
import { createAppUpdate } from './ui/app/appUpdate';
import { embedRequested } from './ui/app/embed';
import { registerServiceWorker } from './ui/app/serviceWorker';
import { loadTexAfterPaint } from './ui/common/Tex';
import { parseHash } from './ui/app/url';
import { openingLanguage } from './ui/messages/language';

// reading window.localStorage itself throws where the browser forbids storage
const preferences = createPreferenceStorage(() => window.localStorage);
const store = createWorksheetStore(null, {
  persistence: createPersistence(() => window.localStorage),
  library: createLibrary(() => window.localStorage),
  preferences,
  language: openingLanguage(window.location.hash, preferences, navigator.languages ?? []),
});
// two tabs on one worksheet keep in step: what one saves, the other takes in before it saves again
// (a storage cleared in another tab counts as a change to what is open here, which is saved again)
watchOtherTabs(window, (key) => store.getState().progressChangedElsewhere(key ?? storageKey(store.getState())));
// a link to a worksheet (built-in or kept) opens it before the first render, so that the first paint is the
// sheet and not the home page; useUrlSync then finds it open (and takes over the URL from there)
const opening = parseHash(window.location.hash);
if (opening?.kind === 'worksheet' && store.getState().canOpen(opening.id)) {
  const s = store.getState();
  s.open(opening.id);
  s.setMode(opening.mode);
  if (store.getState().granularity !== opening.granularity) s.setGranularity(opening.granularity);
  if (opening.mode === 'walkthrough') s.goTo(opening.frame);
}
// offline after the first visit; a new version is announced, and taken when the student says
const update = createAppUpdate();
registerServiceWorker(update);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={store} update={update} embedded={embedRequested(window.location.hash)} />
    <AfterFirstPaint />
  </StrictMode>,
);

/** Loads KaTeX once the first render is on screen (see Tex.tsx): the sheet's numbers do not wait for it. */
function AfterFirstPaint() {
  // run once the first render is committed: the next frame paints it
  useEffect(loadTexAfterPaint, []);
  return null;
}
