import fs from 'node:fs';
import path from 'node:path';

/**
 * SECURITY.md maps every OWASP ASVS 5.0.0 level-1 requirement to the test that proves it. This
 * keeps the map honest: every requirement is there, and every test it cites exists by that name.
 */

const ROOT = path.resolve(__dirname, '../../..');
const MAP = fs.readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');

// The level-1 requirement ids of ASVS 5.0.0 (chapter.section.requirement, without the leading V).
const LEVEL_1 = `1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.5.1 2.1.1 2.2.1 2.2.2 2.3.1 3.2.1 3.2.2 3.3.1 3.4.1 3.4.2
  3.5.1 3.5.2 3.5.3 4.1.1 4.4.1 5.2.1 5.2.2 5.3.1 5.3.2 6.1.1 6.2.1 6.2.2 6.2.3 6.2.4 6.2.5 6.2.6 6.2.7 6.2.8 6.3.1
  6.3.2 6.4.1 6.4.2 7.2.1 7.2.2 7.2.3 7.2.4 7.4.1 7.4.2 8.1.1 8.2.1 8.2.2 8.3.1 9.1.1 9.1.2 9.1.3 9.2.1 10.4.1 10.4.2
  10.4.3 10.4.4 10.4.5 11.3.1 11.3.2 11.4.1 12.1.1 12.2.1 12.2.2 13.4.1 14.2.1 14.3.1 15.1.1 15.2.1 15.3.1`.split(/\s+/);

/** Every "`file` › `test name`" the map cites. */
function citations(): Array<{ file: string; name: string }> {
  return [...MAP.matchAll(/`([\w./-]+\.(?:test|e2e\.test)\.(?:ts|tsx|mjs))`\s*›\s*`([^`]+)`/g)].map((m) => ({ file: m[1]!, name: m[2]! }));
}

describe('SECURITY.md', () => {
  it('when it is read, then every ASVS 5.0 level-1 requirement has its own entry', () => {
    const missing = LEVEL_1.filter((id) => !new RegExp(`(^|[^\\d.])${id.replace(/\./g, '\\.')}(?![\\d.]*\\d)`).test(MAP));
    expect(missing).toEqual([]);
    expect(LEVEL_1).toHaveLength(70);
  });

  it('when it cites a test, then that file exists and holds a test of exactly that name', () => {
    const cited = citations();
    expect(cited.length).toBeGreaterThan(100);
    const broken = cited.filter(({ file, name }) => {
      const full = path.join(ROOT, file);
      if (!fs.existsSync(full)) return true;
      const source = fs.readFileSync(full, 'utf8').replace(/\\(['"`])/g, '$1');
      return !source.includes(name);
    });
    expect(broken).toEqual([]);
  });
});
