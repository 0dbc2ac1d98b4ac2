// The built-in worksheets, as files in the contract's format. The UI lists them and never
// special-cases one.
import elmanCiao from './elman-ciao.json';
import gruByHand from './gru-by-hand.json';
import kindsDecoder from './kinds-decoder.json';
import kindsEncoder from './kinds-encoder.json';
import kindsManyToMany from './kinds-many-to-many.json';
import kindsManyToOne from './kinds-many-to-one.json';
import kindsOneToMany from './kinds-one-to-many.json';
import kindsOneToOne from './kinds-one-to-one.json';
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
  /** other inputs to choose from: each replaces the file's tokens (and targets) */
  readonly variants?: readonly InputVariant[];
  /** the student may type the sequence, one token per character (a word over a vocabulary of letters) */
  readonly editableWord?: boolean;
  /** a worksheet whose states are shown beside this one's (the same network worked another way) */
  readonly compareWith?: string;
  /** the worksheet this one continues: its h0 is that one's last h (the decoder of an encoder–decoder) */
  readonly chainedFrom?: string;
}

export interface InputVariant {
  readonly tokens: readonly string[];
  readonly targets?: readonly (readonly number[])[];
}

function builtIn(id: string, file: { title: string }, extra: Partial<BuiltInWorksheet> = {}): BuiltInWorksheet {
  return { id, title: file.title, file, ...extra };
}

export const BUILT_IN_WORKSHEETS: readonly BuiltInWorksheet[] = [
  builtIn('rnn-by-hand', rnnByHand),
  builtIn('lstm-2-decimals', lstm2Decimals),
  builtIn('lstm-1-decimal-rounded', lstm1DecimalRounded, { compareWith: 'lstm-2-decimals' }),
  builtIn('elman-ciao', elmanCiao, { editableWord: true }),
  builtIn('sentiment-many-to-one', sentimentManyToOne, {
    // the handwritten notes' three reviews, labelled 1, 0, 0
    variants: [
      { tokens: ['very', 'good', 'movie'], targets: [[1]] },
      { tokens: ['not', 'good', 'movie'], targets: [[0]] },
      { tokens: ['very', 'bad', 'movie'], targets: [[0]] },
    ],
  }),
  builtIn('gru-by-hand', gruByHand),
  builtIn('kinds-one-to-one', kindsOneToOne),
  builtIn('kinds-one-to-many', kindsOneToMany),
  builtIn('kinds-many-to-one', kindsManyToOne),
  builtIn('kinds-many-to-many', kindsManyToMany),
  builtIn('kinds-encoder', kindsEncoder),
  builtIn('kinds-decoder', kindsDecoder, { chainedFrom: 'kinds-encoder' }),
];

export function findBuiltIn(id: string): BuiltInWorksheet | undefined {
  return BUILT_IN_WORKSHEETS.find((w) => w.id === id);
}
