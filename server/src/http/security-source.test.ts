import fs from 'node:fs';
import path from 'node:path';

/**
 * Rules read off the source of the shipped code (server, web and shared; tests and test helpers
 * aside): no dynamic code, no HTML built from strings in the browser, operating-system commands
 * only where Muse starts its own Postgres and Redis, and no broken hash functions.
 */

const ROOT = path.resolve(__dirname, '../../..');
const SHIPPED = ['server/src', 'web/src', 'shared/src'];
const NOT_SHIPPED = /(\.test\.tsx?$|\/testing\/|\/e2e\/|\/sandbox\/)/;

interface SourceFile {
  file: string;
  text: string;
}

function sources(): SourceFile[] {
  return SHIPPED.flatMap((dir) =>
    (fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
      .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
      .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !NOT_SHIPPED.test(f))
      .map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') })),
  );
}

/** Each file and line where `pattern` occurs, as "file:line: text". */
function occurrences(files: SourceFile[], pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) =>
    text.split('\n').flatMap((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      return pattern.test(code) ? [`${file}:${i + 1}: ${line.trim()}`] : [];
    }),
  );
}

const files = sources();

describe('what the shipped source never does', () => {
  it('when the source is read, then it covers the server, the web app and the shared schemas', () => {
    const dirs = new Set(files.map((f) => f.file.split('/')[0]));
    expect([...dirs].sort()).toEqual(['server', 'shared', 'web']);
    expect(files.length).toBeGreaterThan(300);
  });

  it('when code is run, then it is never built from strings: no eval, no new Function, no string timers', () => {
    // `redis.eval` runs a fixed Lua script inside Redis, not JavaScript.
    expect(occurrences(files, /(?<![.\w])eval\s*\(|new\s+Function\s*\(|set(Timeout|Interval)\(\s*['"`]/)).toEqual([]);
  });

  it('when the web app shows text, then it never writes HTML itself: no dangerouslySetInnerHTML, innerHTML, outerHTML or document.write', () => {
    const web = files.filter((f) => f.file.startsWith('web/'));
    expect(occurrences(web, /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/)).toEqual([]);
  });

  it('when the web app keeps data, then it keeps it in memory only: nothing of a session outlives the tab in localStorage, sessionStorage, IndexedDB or document.cookie', () => {
    const web = files.filter((f) => f.file.startsWith('web/'));
    expect(occurrences(web, /localStorage|sessionStorage|indexedDB|document\.cookie/)).toEqual([]);
  });

  it('when the operating system is asked to run a program, then only the start-up of Muse’s own Postgres and Redis does it, with argument lists and no shell', () => {
    const users = files.filter((f) => /from '(node:)?child_process'|require\('(node:)?child_process'\)/.test(f.text));
    expect(users.map((f) => f.file).filter((f) => !f.startsWith('server/src/config/infrastructure/'))).toEqual([]);
    expect(users.length).toBeGreaterThan(0);
    // spawn and execFile take an argument list; exec and shell: true would hand a string to a shell.
    expect(occurrences(users, /(?<![.\w])exec(Sync)?\(|shell:\s*true/)).toEqual([]);
  });

  it('when something is hashed or encrypted, then MD5, DES, RC4 and ECB modes are not used', () => {
    expect(occurrences(files, /create(Hash|Hmac)\(\s*['"]md[45]['"]|createCipheriv\(\s*['"](des|rc4|bf|[a-z0-9-]*-ecb)/i)).toEqual([]);
    // The one cipher: AES-256 in GCM mode (token-cipher.ts).
    expect(occurrences(files, /createCipheriv\(/).map((l) => l.split(':')[0])).toEqual(['server/src/lib/token-cipher.ts']);
  });
});
