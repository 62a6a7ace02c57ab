import { AppError } from './app-error';

/**
 * Postgres text cannot hold U+0000; refuse it as a 400 naming the field rather than letting
 * the insert fail as a 500. Every other character, emoji and right-to-left text included, is kept.
 */
export function assertStorableText(text: string, path: string): void {
  if (text.includes('\u0000')) {
    throw AppError.badRequest('validation_failed', 'Some fields are not valid.', [{ path, message: 'Text may not contain NUL characters' }]);
  }
}
