// One choice of a few, as a group of radio buttons under its legend (the granularity, the
// direction, what a handed-in quiz's sheet shows).

export function RadioChoice<T extends string>({
  className,
  legend,
  name,
  options,
  value,
  onChange,
}: {
  className: string;
  legend: string;
  name: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}
