import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { isApiError, type FieldErrors } from './api-client';

type Values = Record<string, string>;

/** Maps zod issues to one message per top-level field, first issue first. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (out[key] === undefined) out[key] = issue.message;
  }
  return out;
}

/**
 * Form state validated by a shared zod schema: values, per-field errors, a form-level
 * error, and helpers to bind inputs and to show an API error where it belongs.
 */
export function useZodForm<S extends z.ZodType<unknown, Values>>(schema: S, initialValues: Values) {
  const [values, setValues] = useState<Values>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const focusField = useCallback((name: string) => {
    const element = formRef.current?.elements.namedItem(name);
    if (element instanceof HTMLElement) element.focus();
  }, []);

  const bind = (name: string) => ({
    name,
    value: values[name] ?? '',
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.target;
      setValues((current) => ({ ...current, [name]: value }));
      // A message about a value the user is already changing is noise.
      setErrors((current) => {
        if (current[name] === undefined) return current;
        const next = { ...current };
        delete next[name];
        return next;
      });
    },
  });

  /** Validates the current values; on failure shows the messages and focuses the first bad field. */
  const validate = (): z.output<S> | null => {
    setFormError(null);
    const result = schema.safeParse(values);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const fieldErrors = zodFieldErrors(result.error);
    setErrors(fieldErrors);
    const first = Object.keys(values).find((name) => fieldErrors[name] !== undefined);
    if (first) focusField(first);
    return null;
  };

  /** Shows an API error: field messages next to their inputs, anything else above the form. */
  const showError = (error: unknown): void => {
    if (!isApiError(error)) {
      setFormError('Something went wrong. Please try again.');
      return;
    }
    const onForm: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      if (path in values) onForm[path] = message;
      else elsewhere.push(message);
    }
    setErrors(onForm);
    const shownOnFields = Object.keys(onForm).length > 0;
    if (!shownOnFields || elsewhere.length > 0) setFormError(elsewhere.length > 0 ? elsewhere.join(' ') : error.detail);
    else setFormError(null);
    const first = Object.keys(values).find((name) => onForm[name] !== undefined);
    if (first) focusField(first);
  };

  const reset = (next: Values = initialValues): void => {
    setValues(next);
    setErrors({});
    setFormError(null);
  };

  return { values, errors, formError, formRef, bind, validate, showError, reset, setFormError };
}
