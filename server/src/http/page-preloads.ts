import fs from 'node:fs';
import path from 'node:path';

/** One chunk of vite's build manifest (`build.manifest`), as much of it as preloading reads. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * A page of the web app whose code and main data the browser may fetch while it is still
 * fetching the app itself: its route module (as vite names it in the manifest) and the API
 * address its route loader asks for first, which must be the very address the page requests
 * (`web/src/app/loaders.ts`), or the browser fetches it twice.
 */
interface PreloadedPage {
  path: RegExp;
  module: string;
  data?: (match: RegExpMatchArray, search: URLSearchParams) => string | null;
}

const PAGES: PreloadedPage[] = [
  { path: /^\/albums\/([1-9][0-9]{0,17})$/, module: 'src/app/routes/album-route.tsx', data: ([, id]) => `/api/albums/${id}` },
  {
    path: /^\/playlists\/([0-9a-f-]{36})$/,
    module: 'src/app/routes/playlist-route.tsx',
    // A link-only playlist's address carries its token; the page asks with it, in its own encoding.
    data: ([, id], search) => (search.has('token') ? null : `/api/playlists/${id}`),
  },
  { path: /^\/users\/([A-Za-z0-9_]{1,40})$/, module: 'src/app/routes/profile-route.tsx', data: ([, handle]) => `/api/users/${handle}` },
];

/** Every chunk `key` needs before it runs: itself and what it imports statically, transitively. */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the web build's manifest has no chunk ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

/**
 * `Link` headers for the pages above, read from the build's manifest: the page's chunks that
 * index.html does not already load, as module preloads, and its data as a fetch preload. With
 * them the page's code and data travel beside the app's own code instead of after it (on a slow
 * link that is one round trip or two less before the page shows). Answers null for a build
 * without a manifest (nothing to preload from) and for every other path.
 */
export function pagePreloads(root: string): (urlPath: string, search: URLSearchParams) => string | null {
  const file = path.join(root, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) return () => null;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  const loaded = entry ? closure(manifest, entry) : new Set<string>();
  const chunks = new Map(
    PAGES.map((page) => [page, [...closure(manifest, page.module)].filter((key) => !loaded.has(key)).map((key) => manifest[key]!)] as const),
  );

  return (urlPath, search) => {
    for (const page of PAGES) {
      const match = urlPath.match(page.path);
      if (!match) continue;
      const links = chunks
        .get(page)!
        .flatMap((chunk) => [
          `</${chunk.file}>; rel=modulepreload; crossorigin`,
          ...(chunk.css ?? []).map((css) => `</${css}>; rel=preload; as=style; crossorigin`),
        ]);
      const data = page.data?.(match, search);
      if (data) links.push(`<${data}>; rel=preload; as=fetch; crossorigin`);
      return links.join(', ');
    }
    return null;
  };
}
