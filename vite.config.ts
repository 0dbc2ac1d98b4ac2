import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
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

export default defineConfig({
  plugins: [react(), katexWoff2Only(), compileHints()],
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
