import { runInNewContext } from 'node:vm';
import { isDatabaseUnavailableError } from './pg-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('isDatabaseUnavailableError', () => {
  it('when Postgres ended or refused the connection, then it is unavailable', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08003', '53300']) expect(isDatabaseUnavailableError(pgError(code))).toBe(true);
  });

  it('when node-postgres lost the connection, then it is unavailable, also with the statement knex puts in front', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'select "id" from "users" where "id" = $1 - Connection terminated unexpectedly',
      'insert into "album_ratings" ("value") values ($1) - Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
      'Connection terminated due to connection timeout',
    ])
      expect(isDatabaseUnavailableError(new Error(message))).toBe(true);
  });

  it('when the connection’s socket failed under a query (reset, broken pipe), then it is unavailable', () => {
    const socketError = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, syscall, errno: -104 });
    for (const [code, syscall] of [
      ['ECONNRESET', 'read'],
      ['EPIPE', 'write'],
      ['ECONNREFUSED', 'connect'],
    ])
      expect(isDatabaseUnavailableError(socketError(code!, syscall!))).toBe(true);
    // Without a system call it is not a socket's failure.
    expect(isDatabaseUnavailableError(Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
    // A socket error made in another realm (Node's own, seen from a vm context such as the test runner's) is one too.
    const foreign = runInNewContext("Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read', errno: -104 })") as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(isDatabaseUnavailableError(foreign)).toBe(true);
  });

  it('when Postgres refused the statement, or the error is anything else, then it is not', () => {
    for (const err of [pgError('23505'), pgError('22P02'), new Error('boom'), 'Connection terminated', null])
      expect(isDatabaseUnavailableError(err)).toBe(false);
  });
});
