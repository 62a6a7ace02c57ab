import pino, { type Logger } from 'pino';

/** Creates the process logger; every request gets a child carrying its request id. */
export function createLogger(level: string, name = 'muse'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.currentPassword', '*.newPassword'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
