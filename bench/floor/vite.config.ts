// The floor page's own build (see main.tsx): the app's plugins and build settings, its own root,
// built into dist/floor after the app's build (which empties dist), with relative paths, so that one
// server serves both pages and the two compare like with like. `npx vite build -c
// bench/floor/vite.config.ts` builds it; scripts/benchBrowser.ts does so before measuring.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compileHints, katexWoff2Only } from '../../vite.config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('../../public'),
  plugins: [react(), katexWoff2Only(), compileHints()],
  build: {
    outDir: here('../../dist/floor'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
});
