/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A small self-contained page (no scripts, no external assets) for the sandbox's sign-in screens. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#111}button{font-size:1rem;padding:.6rem 1rem;margin:.25rem 0;border-radius:2rem;border:1px solid #333;background:#1db954;color:#000;cursor:pointer}button.secondary{background:#fff}ul{padding-left:1.2rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** Hidden inputs that carry a request's parameters through the sign-in form. */
export function hiddenInputs(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

/**
 * Whether a redirect URI is one the services accept: https, or http on a loopback IP literal
 * (127.0.0.1 or [::1]); `localhost` is refused as Spotify has done since 2025.
 */
export function isAllowedRedirectUri(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}
