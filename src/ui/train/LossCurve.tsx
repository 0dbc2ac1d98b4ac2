// The loss over the training steps, on a log scale: gradient descent's loss falls by factors, and
// a linear axis would show one drop and then a flat line. Drawn as SVG from the losses alone.
import { messages } from '../messages/messages';
import { numberText } from './updateTex';
import './LossCurve.css';

// narrow, so that its text stays readable when a phone shrinks it to the screen
const WIDTH = 420;
const HEIGHT = 220;
const PAD = { left: 64, right: 12, top: 28, bottom: 36 };
/** More points than this are thinned: the curve is at most a few hundred pixels wide. */
const MAX_POINTS = 600;

export function LossCurve({ losses, steps }: { losses: readonly number[]; steps: number }) {
  const points = finitePositive(losses);
  if (points.length === 0) return null;
  const logs = points.map(([, l]) => Math.log10(l));
  const lo = Math.floor(Math.min(...logs));
  let hi = Math.ceil(Math.max(...logs));
  if (hi === lo) hi = lo + 1;
  const x = (k: number) => PAD.left + (k / Math.max(1, steps)) * (WIDTH - PAD.left - PAD.right);
  const y = (l: number) => PAD.top + ((hi - Math.log10(l)) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = thin(points)
    .map(([k, l], n) => `${n === 0 ? 'M' : 'L'}${x(k).toFixed(1)},${y(l).toFixed(1)}`)
    .join(' ');
  const decades = decadeTicks(lo, hi);
  const first = points[0]?.[1] ?? 0;
  const last = points[points.length - 1]?.[1] ?? 0;
  return (
    <figure className="loss-curve">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={messages.lossCurveLabel(steps, numberText(first), numberText(last))}
      >
        {everyNth(decades, Math.ceil(decades.length / 6)).map((d) => (
          <g key={d} className="tick">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(10 ** d)} y2={y(10 ** d)} />
            <text x={PAD.left - 6} y={y(10 ** d)} textAnchor="end" dominantBaseline="middle">
              {numberText(10 ** d)}
            </text>
          </g>
        ))}
        <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
        <text className="label" x={PAD.left} y={HEIGHT - 8}>
          0
        </text>
        <text className="label" x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {steps}
        </text>
        <text className="label" x={(PAD.left + WIDTH) / 2} y={HEIGHT - 8} textAnchor="middle">
          {messages.lossCurveStep}
        </text>
        <text className="label" x={PAD.left} y={14}>
          {messages.lossCurveLoss}
        </text>
        <path className="curve" d={path} />
      </svg>
    </figure>
  );
}

/** [step, loss] for every loss a log axis can place. */
function finitePositive(losses: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  losses.forEach((l, k) => {
    if (Number.isFinite(l) && l > 0) out.push([k, l]);
  });
  return out;
}

function thin(points: [number, number][]): [number, number][] {
  if (points.length <= MAX_POINTS) return points;
  const every = Math.ceil(points.length / MAX_POINTS);
  const out = points.filter((_p, k) => k % every === 0);
  const last = points[points.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

function decadeTicks(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_v, k) => lo + k);
}

function everyNth<T>(items: T[], n: number): T[] {
  return items.filter((_v, k) => k % n === 0);
}
