import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * KaTeX's CSS offers each of its ~20 fonts as woff2, woff and ttf; every browser in use takes
 * woff2, so the other two are left out of the build (about half its size).
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css$/.test(id)) return null;
      return code.replace(/,url\([^)]*\.(woff|ttf)\) format\("(woff|truetype)"\)/g, '');
    },
  };
}

/**
 * Marks the entry chunk for V8's explicit compile hints (`//# allFunctionsCalledOnLoad`, Chrome
 * 136 and later): nearly every function in it runs before the first paint, and with the hint V8
 * compiles them eagerly on a background thread while the script streams in, instead of lazily on
 * the main thread the first time each is called. Other browsers read it as a comment.
 */
export function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    // after minifying, which drops comments; the line is the same in every build, so the file's
    // hash, worked out before it, still changes whenever the code does
    generateBundle(_o, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  };
}

/**
 * Installable, and offline after the first visit: a service worker (Workbox, generated) precaches
 * the whole build, the workers and KaTeX's fonts with it. A new version waits until the student
 * asks for it (registerType 'prompt', see UpdateBar.tsx), so nothing is swapped under a quiz.
 */
export function offline(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    // registered by the app itself (serviceWorker.ts), which decides when an update may reload it
    injectRegister: false,
    manifest: {
      name: 'RNN by Hand',
      short_name: 'RNN by Hand',
      description: 'Work recurrent networks (RNN, LSTM, GRU) out by hand, forward and backward.',
      theme_color: '#0a58a8',
      background_color: '#fdfdfb',
      display: 'standalone',
      start_url: '.',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // the worksheets are bundled into the JS; the schema in public/ is for authors' editors
      // (the icons come in with the manifest)
      globPatterns: ['**/*.{js,css,html,woff2,ico,json}'],
      // every address is the one page (the rest is in the hash)
      navigateFallback: 'index.html',
      // the old version's files go once the new one takes over
      cleanupOutdatedCaches: true,
      // a first visit's page is served by the worker at once, not from its next load: a worker
      // script or chunk it asks for later (the training's, say) is there when the network is not
      clientsClaim: true,
    },
  });
}

export default defineConfig({
  plugins: [react(), katexWoff2Only(), compileHints(), offline()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // a shared two-core machine under load runs a 2 s component test of a large sheet in 8 s:
    // the limit is for a test that hangs, not a slow one (speed is measured in npm run bench)
    testTimeout: 20_000,
  },
});
