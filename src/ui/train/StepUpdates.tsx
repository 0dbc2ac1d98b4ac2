// One training step written out: for each parameter, the update symbolically, with its numbers,
// and solved, as the walkthrough writes every equation.
import type { Matrix, Vector } from '../../core/engine/linalg';
import type { Model } from '../../core/format/worksheet';
import { trainableParams, type StepResult } from '../../core/train/train';
import { Tex } from '../common/Tex';
import { messages } from '../messages/messages';
import { arrayText, entries, MAX_WRITTEN_ENTRIES, numberText, updateTex } from './updateTex';

export function StepUpdates({ model, step, eta }: { model: Model; step: StepResult; eta: number }) {
  const before = trainableParams(model);
  return (
    <div className="train-updates">
      <h3>{messages.trainUpdatesHeading}</h3>
      <ul>
        {[...step.params].map(([name, after]) => {
          const was = before.get(name) as Matrix | Vector;
          const grad = step.grads.get(name) as Matrix | Vector;
          if (entries(after) > MAX_WRITTEN_ENTRIES) {
            const [rows, cols] = after instanceof Float64Array ? [after.length, 1] : [after.rows, after.cols];
            return <li key={name}>{messages.trainUpdateTooLarge(model.labels[name] ?? name, rows, cols)}</li>;
          }
          const tex = updateTex(model, name, was, grad, after, eta);
          return (
            <li key={name} className="train-update" data-param={name}>
              <span className="train-tex" aria-hidden="true">
                <Tex tex={tex.symbolic} />
                <Tex tex={tex.numbers} />
                <Tex tex={tex.result} />
              </span>
              <span className="sr-only">
                {messages.trainUpdateText(
                  model.labels[name] ?? name,
                  arrayText(was),
                  numberText(eta),
                  arrayText(grad),
                  arrayText(after),
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
