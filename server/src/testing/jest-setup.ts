// Tests talk to the machine's own Postgres and Redis unless told otherwise.
process.env.TEST_PG_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
