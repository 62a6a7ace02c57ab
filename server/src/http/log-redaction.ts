/** Query parameters that carry credentials: OAuth codes and Apple's Music-User-Token in the callbacks. */
const SECRET_PARAMS = new Set(['code', 'music_user_token', 'access_token', 'refresh_token', 'token']);

/** A URL with secret query values replaced, so request logs never hold a grant or token. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const name of [...params.keys()]) {
    if (SECRET_PARAMS.has(name.toLowerCase())) {
      params.set(name, '[redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}

/** pino-http's request serializer (after the standard one): url and query without secrets. */
export function redactRequestLog<T extends { url?: string; query?: unknown }>(req: T): T {
  const out = { ...req };
  if (typeof out.url === 'string') out.url = redactUrl(out.url);
  if (out.query && typeof out.query === 'object') {
    out.query = Object.fromEntries(Object.entries(out.query).map(([k, v]) => [k, SECRET_PARAMS.has(k.toLowerCase()) ? '[redacted]' : v]));
  }
  return out;
}
