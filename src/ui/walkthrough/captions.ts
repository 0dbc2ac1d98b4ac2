// A sentence for every frame, made from its records, in the manner of Tom Yeh's captions
// ("… then ReLU gives the new hidden state [3, 6]"). The words come from the message catalogue.
import type { Sheet } from '../../core/records/tex';
import type { Frame } from '../../store/frames';
import { vectorLength } from '../../store/view';
import { displayWritten } from '../common/displayNumber';
import { messages } from '../messages/messages';
import { cellText, quantityText } from '../common/quantityText';
import type { RecordTable } from '../../core/records/recordTable';

export function frameCaption(sheet: Sheet, records: RecordTable, frame: Frame): string {
  const { model } = sheet;
  const group = records.slice(frame.first, frame.last + 1);
  const r = records.at(frame.last);
  // one number of a longer vector is named with its index, as (A h₁)[2]
  const single = group.length === 1 && vectorLength(model, r.q) > 1;
  const num = (v: number, q: string) => displayWritten(model, q, v);
  const values = group.length === 1 ? num(r.value, r.q) : `[${group.map((g) => num(g.value, g.q)).join(', ')}]`;
  const index = (q: string, t: number, i: number) => (single ? cellText(model, q, t, i) : quantityText(model, q, t));
  // a parameter's gradient is a matrix: one number of it is named by its row and column
  const result =
    r.j !== undefined && group.length === 1
      ? `${quantityText(model, r.q, r.t)}[${r.i + 1}, ${r.j + 1}]`
      : index(r.q, r.t, r.i);
  const name = (q: string, t: number | undefined) => quantityText(model, q, t ?? r.t);
  const [a, b] = r.reads;
  switch (r.op) {
    case 'matvec':
      return messages.captionMatVec(name(a!.q, 0), name(b!.q, b!.t), result, values, single ? r.i + 1 : null);
    case 'sum':
    case 'total':
      if (r.op === 'total') return messages.captionTotal(values);
      return messages.captionSum(
        r.reads.map((x) => name(x.q, x.t)),
        result,
        values,
      );
    case 'activation':
    case 'softmax': {
      const fn = messages.functionNames[r.op === 'softmax' ? 'softmax' : (r.fn ?? 'identity')] ?? '';
      const text = messages.captionActivation(fn, name(a!.q, a!.t), result, values);
      if (r.fn !== 'relu') return text;
      const pre = a!.q;
      const cut = group.map((g) => sheet.value(pre, g.reads[0]!.t ?? g.t, g.i)).filter((v) => v < 0);
      return cut.length > 0 ? text + messages.captionReluCut(cut.map((v) => num(v, pre))) : text;
    }
    case 'product':
      return messages.captionProduct(name(a!.q, a!.t), name(b!.q, b!.t), result, values);
    case 'complementProduct':
      return messages.captionComplementProduct(name(a!.q, a!.t), name(b!.q, b!.t), result, values);
    case 'loss':
      return messages.captionLoss(r.t, values);
    case 'grad': {
      const caption = messages.captionGradient[r.rule ?? ''];
      return caption ? caption(result, values) : `${result} = ${values}`;
    }
    default:
      return `${result} = ${values}`;
  }
}
