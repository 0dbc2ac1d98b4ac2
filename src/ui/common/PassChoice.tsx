// Forward through the steps, or backward through their gradients: the walkthrough's pass, which
// practice follows too. A worksheet without a loss has only the forward pass, and no choice.
import { framesOf } from '../../store/worksheetStore';
import { RadioChoice } from './RadioChoice';
import { useWorksheet, useWorksheetStore } from './storeContext';

export function PassChoice({
  className,
  name,
  legend,
  forward,
  backward,
}: {
  className: string;
  name: string;
  legend: string;
  forward: string;
  backward: string;
}) {
  const store = useWorksheetStore();
  const direction = useWorksheet((s) => s.direction);
  const hasBackward = useWorksheet((s) => framesOf(s, 'backward').length > 0);
  if (!hasBackward) return null;
  return (
    <RadioChoice
      className={className}
      legend={legend}
      name={name}
      options={[
        ['forward', forward],
        ['backward', backward],
      ]}
      value={direction}
      onChange={(d) => store.getState().setDirection(d)}
    />
  );
}
