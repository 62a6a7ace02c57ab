import type { ChangeEvent } from 'react';

type Bind = { onChange: (event: ChangeEvent<HTMLInputElement>) => void };

/**
 * Feeds a value that does not come from a text input (a checkbox, a select, a textarea) through a
 * bound field. Kept apart from the forms' schemas: the description field, which the two lazy forms
 * share, lands in the chunk every page loads, and must not bring zod with it.
 */
export function feed(bound: Bind, value: string): void {
  bound.onChange({ target: { value } } as ChangeEvent<HTMLInputElement>);
}
