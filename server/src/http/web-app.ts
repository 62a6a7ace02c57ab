import fs from 'node:fs';
import path from 'node:path';
import { Router, type Response } from 'express';
import { preferredEncoding, type CompressedEncoding } from './accept-encoding';
import { pagePreloads } from './page-preloads';

const SUFFIX: Record<CompressedEncoding, string> = { br: '.br', gzip: '.gz' };
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A file of the build, by URL path, with the compressed copies written beside it. */
interface BuiltFile {
  file: string;
  encodings: CompressedEncoding[];
}

/** Lists the build once: requests then only look paths up, so nothing outside it is reachable. */
function scanBuild(root: string): Map<string, BuiltFile> {
  const names = new Set(fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')));
  const files = new Map<string, BuiltFile>();
  for (const name of names) {
    if (name.endsWith('.br') || name.endsWith('.gz') || !fs.statSync(path.join(root, name)).isFile()) continue;
    const encodings = (['br', 'gzip'] as const).filter((e) => names.has(name + SUFFIX[e]));
    files.set(`/${name}`, { file: path.join(root, name), encodings });
  }
  return files;
}

function cacheControlFor(urlPath: string): string {
  if (urlPath === '/index.html') return 'no-cache';
  // Vite puts content hashes in every name under assets/, so a changed file gets a new URL.
  return urlPath.startsWith('/assets/') ? IMMUTABLE : 'public, max-age=3600';
}

function sendBuilt(res: Response, built: BuiltFile, urlPath: string, acceptEncoding: string | undefined, next: (err?: unknown) => void): void {
  const encoding = preferredEncoding(acceptEncoding, built.encodings);
  // Caches must key on Accept-Encoding whenever another client could get another body.
  if (built.encodings.length) res.vary('Accept-Encoding');
  // The type of the original, not of the .br/.gz file actually sent.
  res.type(path.extname(built.file));
  if (encoding !== 'identity') res.set('Content-Encoding', encoding);
  res.set('Cache-Control', cacheControlFor(urlPath));
  const file = encoding === 'identity' ? built.file : built.file + SUFFIX[encoding];
  res.sendFile(file, { cacheControl: false, dotfiles: 'allow' }, (err) => err && next(err));
}

/**
 * Serves the built SPA from `root`: each file as the brotli or gzip copy written at build time
 * when the client accepts it (else as it is), hashed assets cached for a year, and index.html,
 * never cached stale, for every other GET outside `/api` and `/socket.io` (with `Link`
 * preloads for the pages `page-preloads.ts` knows).
 */
export function serveWebApp(root: string): Router {
  const files = scanBuild(root);
  const index = files.get('/index.html');
  if (!index) throw new Error(`${root} has no index.html`);
  const preloads = pagePreloads(root);
  const router = Router();

  router.get(/^(?!\/(api|socket\.io)\/).*/, (req, res, next) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(req.path);
    } catch {
      urlPath = '';
    }
    const built = files.get(urlPath);
    if (built) return sendBuilt(res, built, urlPath, req.get('Accept-Encoding'), next);
    // Every other path is a client-side route of the SPA; some pages' code and data can start early.
    const link = preloads(urlPath, new URLSearchParams(req.url.split('?')[1] ?? ''));
    if (link) res.set('Link', link);
    sendBuilt(res, index, '/index.html', req.get('Accept-Encoding'), next);
  });

  return router;
}
