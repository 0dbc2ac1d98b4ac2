// The floor of the first-render benchmark: the app's stack (React, react-dom, zustand, KaTeX and
// its CSS) and nothing of the app: a formula rendered by KaTeX and a 10×10 grid of numbers from
// a zustand store. The app's first render is measured against this page's, side by side.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import './floor.css';

interface FloorState {
  readonly grid: readonly (readonly number[])[];
}

const store = createStore<FloorState>(() => ({
  grid: Array.from({ length: 10 }, (_r, i) => Array.from({ length: 10 }, (_c, j) => ((i * 7 + j * 3) % 11) / 4 - 1.25)),
}));

const formula = katex.renderToString('h_t = \\tanh\\left(W_{hh}\\,h_{t-1} + W_{xh}\\,x_t + b_h\\right)', {
  throwOnError: false,
  output: 'html',
});

function Floor() {
  const grid = useStore(store, (s) => s.grid);
  return (
    <main>
      <h1>RNN by Hand</h1>
      <p dangerouslySetInnerHTML={{ __html: formula }} />
      {/* the same class as the app's cells: the benchmark waits for the first one on screen */}
      <div className="grid">
        {grid.map((row, i) =>
          row.map((v, j) => (
            <span className="sheet-cell" key={`${i}-${j}`}>
              {v.toFixed(2).replace('-', '\u2212')}
            </span>
          )),
        )}
      </div>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
);
