// Labels, titles and tokens are a worksheet's free text: whatever they hold, they reach the page
// as text, never as HTML, a link, a class or a macro, and a huge one costs no more than a short one.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { computeTrace } from '../../../src/core/engine/trace';
import { SHOWN_LABEL_CHARS, SHOWN_TITLE_CHARS, shownText } from '../../../src/core/format/shownText';
import { buildRecords } from '../../../src/core/records/records';
import { createSheet, quantityTex, recordTex } from '../../../src/core/records/tex';
import { TEX_OPTIONS } from '../../../src/ui/common/texOptions';
import { mustLoad } from '../../helpers/load';
import { referenceCase } from '../../helpers/reference';

const HOSTILE = [
  '</script><img src=x onerror=alert(1)>',
  '\\href{javascript:alert(1)}{x}',
  '\\url{javascript:alert(1)}',
  '\\def\\x{\\x\\x}\\x',
  '\\htmlClass{x}{y}',
  '\\htmlData{onclick=alert(1)}{y}',
  '}\\end{x}$$\\rule{1000em}{1000em}',
  '\u202Eevil',
];

function render(tex: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = katex.renderToString(tex, TEX_OPTIONS);
  return div;
}

/** Every formula of Tom Yeh's sheet with W_hh and W_ih labelled `label`. */
function formulasLabelled(label: string): string[] {
  const file = structuredClone(referenceCase('seeds/rnn-by-hand.json').worksheet) as Record<string, unknown>;
  file.labels = { W_hh: label, W_ih: label };
  const model = mustLoad(file);
  const { forward, backward } = computeTrace(model);
  const records = buildRecords(model, forward, backward);
  const sheet = createSheet(model, records);
  return records.flatMap((r, n) => {
    const tex = recordTex(sheet, n);
    return [tex.symbolic, tex.substituted, tex.result, quantityTex(model, r.q, r.t)];
  });
}

describe('a hostile label reaches the equations as text', () => {
  it.each(HOSTILE.map((h) => [h] as const))('%s: no element, link, class or handler comes of it', (label) => {
    for (const tex of formulasLabelled(label).filter((t) => t.includes('\\text{'))) {
      const html = render(tex);
      expect(html.querySelector('img, a, script, iframe, [onerror], [onclick], [href], [data-onclick]')).toBeNull();
      expect(html.querySelector('.katex-error'), tex).toBeNull();
      expect(html.innerHTML).not.toMatch(/class="[^"]*\b[xy]\b/);
    }
  });

  it('shows the label as it was typed, short of its control characters', () => {
    // KaTeX writes a space of \\text as a no-break space
    const text = (render(formulasLabelled('</script><img src=x onerror=alert(1)>')[0]!).textContent ?? '').replace(
      /\u00a0/g,
      ' ',
    );
    // capped at SHOWN_LABEL_CHARS: "</script><img src=x oner" and an ellipsis
    expect(text).toContain('</script><img src=x oner…');
    expect(render(formulasLabelled('\u202Eevil')[0]!).textContent).not.toContain('\u202E');
  });

  it('a label of a million characters makes formulas no longer than a short one', () => {
    const longest = Math.max(...formulasLabelled('A'.repeat(1_000_000)).map((t) => t.length));
    // one character past the limit is shown cut just the same
    const cut = Math.max(...formulasLabelled('A'.repeat(SHOWN_LABEL_CHARS + 1)).map((t) => t.length));
    expect(longest).toBe(cut);
    expect(longest).toBeLessThan(300);
  });
});

describe('TeX itself, should it ever carry such commands, is not obeyed', () => {
  it('\\href and \\url make no link (trust is off)', () => {
    expect(render('\\href{javascript:alert(1)}{x}').querySelector('a')).toBeNull();
    expect(render('\\url{javascript:alert(1)}').querySelector('a')).toBeNull();
  });

  it('\\htmlClass and \\htmlData set nothing', () => {
    const html = render('\\htmlClass{evil}{y}\\htmlData{x=1}{z}');
    expect(html.querySelector('.evil, [data-x]')).toBeNull();
  });

  it('a macro that doubles itself forever stops at maxExpand, shown as an error', () => {
    expect(render('\\def\\x{\\x\\x}\\x').querySelector('.katex-error')).not.toBeNull();
  });

  it('a rule a thousand em wide is held to maxSize', () => {
    const rule = render('\\rule{1000em}{1em}').querySelector<HTMLElement>('.katex-rule');
    expect(rule?.style.borderRightWidth).toBe(`${TEX_OPTIONS.maxSize}em`);
  });

  it('an unknown command is shown as its own text, in the error colour', () => {
    const error = render('\\notacommand{x}').querySelector<HTMLElement>('[style*="color:#cc0000"]');
    expect(error?.textContent).toBe('\\notacommand');
  });
});

describe('shownText', () => {
  it('keeps a short text as it is', () => {
    expect(shownText('W_ic', SHOWN_LABEL_CHARS)).toBe('W_ic');
  });
  it('cuts a long one at its limit, by characters, not halves of an emoji', () => {
    expect(shownText('😀'.repeat(30), 24)).toBe(`${'😀'.repeat(24)}…`);
    expect(shownText('x'.repeat(SHOWN_TITLE_CHARS + 1), SHOWN_TITLE_CHARS)).toBe(`${'x'.repeat(SHOWN_TITLE_CHARS)}…`);
  });
  it('takes out control and bidirectional characters', () => {
    expect(shownText('a\u202Eb\u2066c\u0007d', 24)).toBe('abcd');
  });
});
