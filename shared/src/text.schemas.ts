import { z } from 'zod';

/** True when the text holds no NUL (U+0000), which Postgres text cannot store. */
export function hasNoNul(text: string): boolean {
  return !text.includes('\u0000');
}

/** The message for a NUL in the field called `label` ("Bio may not contain NUL characters"). */
export function nulMessage(label: string): string {
  return `${label} may not contain NUL characters`;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text is well-formed UTF-16: no half of a surrogate pair alone, which no UTF-8 text (nor a JSONB document) can hold. */
export function hasNoLoneSurrogate(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * A string of user text: every character is kept (emoji, right-to-left text, …) except NUL and
 * half a surrogate pair, which only broken clients and probes send and Postgres would refuse with
 * an error. Chain trimming and length checks after it as with `z.string()`.
 */
export function userText(label: string, params?: { error?: string }): z.ZodString {
  return z.string(params).refine(hasNoNul, nulMessage(label)).refine(hasNoLoneSurrogate, `${label} holds a broken character (half of a surrogate pair)`);
}
