import { useId, type SelectHTMLAttributes } from 'react';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: { value: string; label: string }[];
  /** Hides the label visually; it stays the accessible name. */
  hideLabel?: boolean;
}

/** A labelled native select, styled like the text fields. */
export function SelectField({ label, options, hideLabel, id, className, ...rest }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <div className={['field', 'field-select', className ?? ''].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'sr-only' : 'field-label'} htmlFor={selectId}>
        {label}
      </label>
      <div className="field-control">
        <select id={selectId} className="field-input" {...rest}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
