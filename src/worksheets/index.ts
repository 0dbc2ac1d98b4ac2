// The built-in worksheets, as files in the contract's format. The UI lists them and never
// special-cases one.
import elmanCiao from './elman-ciao.json';
import lstm1DecimalRounded from './lstm-1-decimal-rounded.json';
import lstm2Decimals from './lstm-2-decimals.json';
import rnnByHand from './rnn-by-hand.json';

export interface BuiltInWorksheet {
  /** stable id, used in URLs */
  readonly id: string;
  /** the worksheet file (validated when it is opened) */
  readonly file: unknown;
}

export const BUILT_IN_WORKSHEETS: readonly BuiltInWorksheet[] = [
  { id: 'rnn-by-hand', file: rnnByHand },
  { id: 'lstm-2-decimals', file: lstm2Decimals },
  { id: 'lstm-1-decimal-rounded', file: lstm1DecimalRounded },
  { id: 'elman-ciao', file: elmanCiao },
];

export function findBuiltIn(id: string): BuiltInWorksheet | undefined {
  return BUILT_IN_WORKSHEETS.find((w) => w.id === id);
}
