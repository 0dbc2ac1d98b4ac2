import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { createPersistence } from './store/persist';
import { createWorksheetStore } from './store/worksheetStore';
import { App } from './ui/App';

// reading window.localStorage itself throws where the browser forbids storage
const store = createWorksheetStore(null, { persistence: createPersistence(() => window.localStorage) });
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
