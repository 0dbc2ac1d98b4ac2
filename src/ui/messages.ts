// Every word the user reads, in one catalogue (English now; Chinese, as in Tom Yeh's bilingual
// originals, will follow as a second catalogue of the same shape).

export const messages = {
  appTitle: 'RNN by Hand',
  tagline: 'Work recurrent networks out by hand: every number, where it comes from, and its equation.',
  worksheetPicker: 'Worksheet',
  traceTableCaption: (title: string) => `Every number of “${title}”, in the order it is worked out`,
  columnNumber: '#',
  columnStep: 'Step',
  columnQuantity: 'Written',
  columnEquation: 'Equation',
  columnResult: 'Result',
  phaseForward: 'Forward pass',
  phaseBackward: 'Backward pass (backpropagation through time)',
  stepNone: '—',
  invalidWorksheet: 'This worksheet cannot be computed:',
  decimalsNote: (decimals: number, carry: 'exact' | 'rounded') =>
    carry === 'rounded'
      ? `Values are rounded to ${decimals} decimal${decimals === 1 ? '' : 's'}, and the rounded values are carried on, as on paper.`
      : `Values are shown with ${decimals} decimal${decimals === 1 ? '' : 's'}; the computation carries full precision.`,
} as const;

export type Messages = typeof messages;
