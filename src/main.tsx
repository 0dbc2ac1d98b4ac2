import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import { createWorksheetStore } from './store/worksheetStore';
import { App } from './ui/App';

const store = createWorksheetStore(null);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
