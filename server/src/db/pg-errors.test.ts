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

  it('when Postgres refused the statement, or the error is anything else, then it is not', () => {
    for (const err of [pgError('23505'), pgError('22P02'), new Error('boom'), 'Connection terminated', null])
      expect(isDatabaseUnavailableError(err)).toBe(false);
  });
});
