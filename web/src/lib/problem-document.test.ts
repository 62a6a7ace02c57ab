import { ProblemSchema } from '@muse/shared';
import { describe, expect, it } from 'vitest';
import { readCsrfToken, readProblem } from './problem-document';

const valid = { type: '/problems/validation', title: 'Bad Request', status: 400, code: 'validation_failed', detail: 'Check the form.' };

// The hand-written reader must accept exactly what the shared schema accepts.
const bodies: Array<[string, unknown]> = [
  ['a minimal problem', { type: '/p', title: 'Not Found', status: 404, code: 'not_found' }],
  ['a problem with field errors and an instance', { ...valid, errors: [{ path: 'handle', message: 'Taken' }], instance: '/api/x' }],
  ['a problem with extra members', { ...valid, current: { version: 3 } }],
  ['null', null],
  ['an array', [valid]],
  ['HTML text', '<html>Bad gateway</html>'],
  ['a problem without a code', { type: '/p', title: 'x', status: 400 }],
  ['a fractional status', { ...valid, status: 400.5 }],
  ['a status as text', { ...valid, status: '400' }],
  ['a numeric detail', { ...valid, detail: 4 }],
  ['errors that are not a list', { ...valid, errors: { path: 'a', message: 'b' } }],
  ['an error without a message', { ...valid, errors: [{ path: 'a' }] }],
];

describe('readProblem', () => {
  it.each(bodies)('when the body is %s, then it agrees with ProblemSchema', (_name, body) => {
    const parsed = ProblemSchema.safeParse(body);
    expect(readProblem(body)).toEqual(parsed.success ? parsed.data : null);
  });
});

describe('readCsrfToken', () => {
  it('when the body carries a token, then it is read; otherwise null', () => {
    expect(readCsrfToken({ csrfToken: 'abc', user: {} })).toBe('abc');
    expect(readCsrfToken({ csrfToken: 42 })).toBeNull();
    expect(readCsrfToken(null)).toBeNull();
  });
});
