// The built-in worksheets, as files in the contract's format. The UI lists them and never
// special-cases one.
import elmanCiao from './elman-ciao.json';
import gruByHand from './gru-by-hand.json';
import lstm1DecimalRounded from './lstm-1-decimal-rounded.json';
import lstm2Decimals from './lstm-2-decimals.json';
import rnnByHand from './rnn-by-hand.json';
import sentimentManyToOne from './sentiment-many-to-one.json';

export interface BuiltInWorksheet {
  /** stable id, used in URLs */
  readonly id: string;
  /** as the picker lists it: the file's own title */
  readonly title: string;
  /** the worksheet file (validated when it is opened) */
  readonly file: unknown;
}

function builtIn(id: string, file: { title: string }): BuiltInWorksheet {
  return { id, title: file.title, file };
}

export const BUILT_IN_WORKSHEETS: readonly BuiltInWorksheet[] = [
  builtIn('rnn-by-hand', rnnByHand),
  builtIn('lstm-2-decimals', lstm2Decimals),
  builtIn('lstm-1-decimal-rounded', lstm1DecimalRounded),
  builtIn('elman-ciao', elmanCiao),
  builtIn('sentiment-many-to-one', sentimentManyToOne),
  builtIn('gru-by-hand', gruByHand),
];

export function findBuiltIn(id: string): BuiltInWorksheet | undefined {
  return BUILT_IN_WORKSHEETS.find((w) => w.id === id);
}
