import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { createPersistence, watchOtherTabs } from './store/persist';
import { createWorksheetStore, storageKey } from './store/worksheetStore';
import { App } from './ui/app/App';

// reading window.localStorage itself throws where the browser forbids storage
const store = createWorksheetStore(null, { persistence: createPersistence(() => window.localStorage) });
// two tabs on one worksheet keep in step: what one saves, the other takes in before it saves again
// (a storage cleared in another tab counts as a change to what is open here, which is saved again)
watchOtherTabs(window, (key) => store.getState().progressChangedElsewhere(key ?? storageKey(store.getState())));
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
