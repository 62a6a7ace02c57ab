import { parse } from 'cookie';
import type { IncomingMessage } from 'node:http';

/** Parses the Cookie header of any request (Express or a Socket.IO handshake). */
export function readCookies(req: IncomingMessage): Record<string, string | undefined> {
  const header = req.headers.cookie;
  return header ? parse(header) : {};
}

/** Cookie names; the __Host- prefix pins them to this origin when served over https. */
export function cookieNames(secure: boolean): { session: string; csrf: string } {
  return secure ? { session: '__Host-muse_sid', csrf: '__Host-muse_csrf' } : { session: 'muse_sid', csrf: 'muse_csrf' };
}
