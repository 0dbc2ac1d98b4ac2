// One TeX formula, rendered by KaTeX into static HTML (the formulas come from the engine, not the user).
import katex from 'katex';
import { memo } from 'react';

const cache = new Map<string, string>();

function render(tex: string): string {
  let html = cache.get(tex);
  if (html === undefined) {
    html = katex.renderToString(tex, { throwOnError: false, strict: 'ignore', output: 'html' });
    cache.set(tex, html);
  }
  return html;
}

export const Tex = memo(function Tex({ tex, className }: { tex: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: render(tex) }} />;
});
