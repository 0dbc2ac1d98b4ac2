// The stepping icons as inline SVG: the media-control characters (⏮ ⏪ ⏩ ⏭) are missing from
// many system fonts and show as empty boxes.
export type IconName = 'first' | 'previousStep' | 'previous' | 'next' | 'nextStep' | 'last';

const PATHS: Record<IconName, string> = {
  first: 'M3 3h2v10H3z M14 3v10L6 8z',
  previousStep: 'M8 3v10L1 8z M15 3v10L8 8z',
  previous: 'M12 3v10L4 8z',
  next: 'M4 3v10l8-5z',
  nextStep: 'M1 3v10l7-5z M8 3v10l7-5z',
  last: 'M2 3v10l8-5z M11 3h2v10h-2z',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
