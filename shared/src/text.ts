import { z } from 'zod';

/** True when the text holds no NUL (U+0000), which Postgres text cannot store. */
export function hasNoNul(text: string): boolean {
  return !text.includes('\u0000');
}

/** The message for a NUL in the field called `label` ("Bio may not contain NUL characters"). */
export function nulMessage(label: string): string {
  return `${label} may not contain NUL characters`;
}

/**
 * A string of user text: every character is kept (emoji, right-to-left text, …) except NUL,
 * which only broken clients and probes send and Postgres would refuse with an error. Chain
 * trimming and length checks after it as with `z.string()`.
 */
export function userText(label: string, params?: { error?: string }): z.ZodString {
  return z.string(params).refine(hasNoNul, nulMessage(label));
}
