import { useId, type TextareaHTMLAttributes } from 'react';
import { formatNumber } from '../../lib/format-music';

interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value'> {
  label: string;
  name: string;
  value: string;
  error?: string;
  /** Shows "n / max" under the field and warns when the text is over the limit. */
  maxChars?: number;
  hint?: string;
  /** Hides the label visually (it is still the field's accessible name). */
  hideLabel?: boolean;
}

/**
 * A labelled multi-line input with a live character counter. The limit is not enforced with
 * `maxLength`, so pasted text is never silently cut: validation says what is wrong instead.
 */
export function TextareaField({ label, name, value, error, maxChars, hint, hideLabel, id, ...rest }: TextareaFieldProps) {
  const generatedId = useId();
  const inputId = id ?? `${name}-${generatedId}`;
  const errorId = error ? `${inputId}-error` : undefined;
  const counterId = maxChars ? `${inputId}-counter` : undefined;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const length = value.length;
  const over = maxChars !== undefined && length > maxChars;

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className={hideLabel ? 'sr-only' : 'field-label'} htmlFor={inputId}>
        {label}
      </label>
      <div className="field-control">
        <textarea
          id={inputId}
          name={name}
          value={value}
          className="field-input field-textarea"
          aria-invalid={error || over ? true : undefined}
          aria-describedby={[errorId, hintId, counterId].filter(Boolean).join(' ') || undefined}
          {...rest}
        />
      </div>
      <div className="field-meta">
        {error ? (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        ) : hint ? (
          <p className="field-hint" id={hintId}>
            {hint}
          </p>
        ) : (
          <span />
        )}
        {maxChars !== undefined && (
          <p className={`field-counter${over ? ' field-counter-over' : ''}`} id={counterId}>
            {formatNumber(length)} / {formatNumber(maxChars)}
            <span className="sr-only"> characters</span>
          </p>
        )}
      </div>
    </div>
  );
}
