import { startHostileHost, type HostileHost, type HostReply } from '../../../testing/hostile-host';
import { makePng } from './png';

/** A loopback HTTP server standing in for a service's image host, with the faults artwork fetching must survive. */
export interface ImageServer extends HostileHost {
  png: Buffer;
  /** The address of a PNG `width` pixels wide (64, 300 or 640), as a service publishes each size of one cover. */
  sized(width: 64 | 300 | 640): string;
}

const BIG = 6 * 1024 * 1024;
const SIZED_WIDTHS = [64, 300, 640] as const;

/**
 * Paths: `/cover.png` (a real PNG), `/other.png` (another), `/flaky.png` (503 once, then the PNG),
 * `/missing.png` (404), `/page.html` (text/html), `/fake.png` (HTML labelled image/png),
 * `/drawing.svg` (image/svg+xml), `/huge.png` (6 MB declared), `/huge-stream.png` (6 MB without
 * a length), `/hang.png` (never answers), `/redirect.png` (302 to /cover.png), and
 * `/sized/<width>.png` (a cover at 64, 300 or 640 px).
 */
export async function startImageServer(): Promise<ImageServer> {
  const png = makePng(64, 64, [200, 40, 90]);
  const other = makePng(32, 32, [10, 120, 250]);
  const host = await startHostileHost({
    '/cover.png': (r) => r.send(200, 'image/png', png),
    '/other.png': (r) => r.send(200, 'image/png', other),
    '/flaky.png': (r) => (r.hit === 1 ? r.send(503, 'text/plain', 'try later') : r.send(200, 'image/png', png)),
    '/page.html': (r) => r.send(200, 'text/html; charset=utf-8', '<html><body>Not an image</body></html>'),
    '/fake.png': (r) => r.send(200, 'image/png', '<html><body>Sign in to see this image</body></html>'),
    '/drawing.svg': (r) => r.send(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    '/huge.png': (r) => r.send(200, 'image/png', Buffer.concat([png.subarray(0, 16), Buffer.alloc(BIG)])),
    '/huge-stream.png': (r) => r.stream({ 'Content-Type': 'image/png' }, png.subarray(0, 16), BIG),
    '/hang.png': (r) => r.hang(),
    '/redirect.png': (r) => r.redirect('/cover.png'),
    ...Object.fromEntries(
      SIZED_WIDTHS.map((width) => {
        const image = makePng(width, width, [30, 160, 90]);
        return [`/sized/${width}.png`, (r: HostReply) => r.send(200, 'image/png', image)];
      }),
    ),
  });
  return { ...host, png, sized: (width) => `${host.url}/sized/${width}.png` };
}
