// The current frame in words and in equations: a caption, then each record's equation written
// symbolically, with the numbers substituted, and its result (as the LSTM slides do).
import { memo, useDeferredValue, useMemo } from 'react';
import { formatFixed } from '../../core/engine/rounding';
import { recordTex } from '../../core/records/tex';
import type { Frame } from '../../store/frames';
import type { ComputedSheet } from '../../store/sheet';
import { selectFrames, selectSheet } from '../../store/worksheetStore';
import { frameCaption } from './captions';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';
import { Tex } from '../common/Tex';
import './FramePanel.css';

/** More than this many equations in one frame (a long vector) are summarised. */
const MAX_EQUATIONS = 4;

export function FramePanel() {
  const computed = useWorksheet(selectSheet);
  const frames = useWorksheet(selectFrames);
  const index = useWorksheet((s) => s.frame);
  // the sheet's cells first, the frame's words and equations (KaTeX) just after: a step paints
  // without waiting for them, and a key held down skips the frames it passes. The sheet, the
  // frames and the index are deferred together, so the panel never shows one frame's index into
  // another list of frames (a new granularity, another word), even for a moment
  const now = useMemo(() => ({ computed, frame: frames[index], index }), [computed, frames, index]);
  const shown = useDeferredValue(now);
  if (!shown.computed.ok || !shown.frame) return null;
  return <FrameText computed={shown.computed} frame={shown.frame} index={shown.index} />;
}

const FrameText = memo(function FrameText({
  computed,
  frame,
  index,
}: {
  computed: Extract<ComputedSheet, { ok: true }>;
  frame: Frame;
  index: number;
}) {
  const { sheet, records } = computed;
  const shown = Array.from(
    { length: Math.min(frame.last - frame.first + 1, MAX_EQUATIONS) },
    (_v, k) => frame.first + k,
  );
  const hidden = frame.last - frame.first + 1 - shown.length;
  return (
    <section className="frame-panel" aria-label={messages.equationLabel}>
      {/* announced whole, once for each frame: the number and the words are one change, not two */}
      <p className="caption" aria-live="polite" aria-atomic="true">
        <span className="frame-number">[{index + 1}]</span> {frameCaption(sheet, records, frame)}
      </p>
      <div className="equations">
        {shown.map((n) => {
          const tex = recordTex(sheet, n);
          const value = records.at(n).value;
          // exact carry shows a rounded number but computes on with all of it: say what it carries
          const hidden = sheet.model.carry === 'exact' && Number(formatFixed(value, sheet.model.decimals)) !== value;
          return (
            <div className="equation" key={n}>
              <Tex tex={tex.symbolic} />
              <Tex tex={tex.substituted} />
              <Tex tex={tex.result} className="result" />
              {hidden && (
                <span className="full-precision">{messages.fullPrecision(String(value).replace('-', '\u2212'))}</span>
              )}
            </div>
          );
        })}
        {hidden > 0 && <p className="more">{messages.moreEquations(hidden)}</p>}
      </div>
    </section>
  );
});
