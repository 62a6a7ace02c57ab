import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDemoReleases } from '../../server/src/providers/sandbox/demo-releases';
import {
  KARAOKE,
  VENUES,
  artistsFor,
  appleCredit,
  chance,
  formatted,
  hash,
  isrcFor,
  jitter,
  other,
  pick,
  seedRandom,
  serviceId,
  shuffle,
  tagged,
  type Case,
  type Pick,
  type Service,
  type Track,
} from './discogs-case-kit';

/**
 * Writes labelled matching cases built from the shipped Discogs sample (2020-08-06 dump, CC0):
 * real titles and credits (diacritics, Cyrillic, "feat.", "(Original Mix)", "(Dub)") formatted the
 * way each service prints them (Spotify: "Title - Remastered 2011", one artist per entry; Apple
 * Music: "Title (Remastered 2011)", one credit string "A, B & C"), with decoys of every kind
 * issue 11 names. Deterministic for a given seed. A quarter of the cases, picked by a hash of
 * their id, go to the held-out file.
 *
 *   node --import tsx scripts/eval-matching/generate-discogs-cases.ts [seed]
 */

const seed = Number(process.argv[2] ?? 11);
seedRandom(seed);

function main() {
  return loadDemoReleases().then((releases) => {
    const all: Pick[] = [];
    for (const release of releases)
      for (const track of release.tracks) {
        const artists = track.credits.map((c) => c.creditedName || c.name).filter((n) => n && !/^various$/i.test(n));
        if (!track.title || !artists.length || /^untitled$/i.test(track.title.trim())) continue;
        all.push({ release, track, artists });
      }
    const plain = all.filter((p) => p.track.durationMs !== null && !/[([{]|\s[-–—]\s|feat\.|\bft\.|featuring/i.test(p.track.title) && p.track.title.length > 2);
    const byTitle = new Map<string, Pick[]>();
    for (const p of all) {
      const key = p.track.title.toLowerCase().trim();
      byTitle.set(key, [...(byTitle.get(key) ?? []), p]);
    }
    const cases: Case[] = [];
    const used = new Set<string>();
    const fresh = (pool: Pick[]): Pick => {
      for (let i = 0; i < 200; i++) {
        const p = pick(pool);
        const key = `${p.release.discogsId}/${p.track.title}`;
        if (!used.has(key)) {
          used.add(key);
          return p;
        }
      }
      return pick(pool);
    };
    /** Other tracks by the same artist on the same release: the decoys a search for the artist returns. */
    const siblings = (p: Pick, n: number, target: Service) =>
      p.release.tracks
        .filter((t) => t.title !== p.track.title && t.credits.length)
        .slice(0, n)
        .map((t) => ({ title: t.title, artists: artistsFor(target, p.artists), album: p.release.title, durationMs: jitter(t.durationMs), explicit: false }));
    const otherArtist = (p: Pick): Pick => {
      for (let i = 0; i < 50; i++) {
        const q = pick(plain);
        if (q.artists[0] !== p.artists[0]) return q;
      }
      return pick(plain);
    };

    function add(kind: string, target: Service, source: Track, candidates: Track[], expected: number | null, n: number) {
      const id = `d-${kind}-${String(n).padStart(2, '0')}`;
      const withIds = candidates.map((c, i) => ({ id: serviceId(target, `${seed}/${id}/${i}`), ...c }));
      const order = shuffle(withIds.map((_, i) => i));
      const shuffled = order.map((i) => withIds[i]!);
      cases.push({ id, kind, source, candidates: shuffled, expected: expected === null ? null : withIds[expected]!.id });
    }
    const withIsrc = (t: Track, isrc: string | null): Track => (isrc ? { ...t, isrc } : t);

    const PER_KIND = 14;
    for (let n = 1; n <= PER_KIND; n++) {
      const from: Service = chance(0.5) ? 'spotify' : 'apple';
      const to = other(from);

      // Plain track with the artist's other tracks as decoys; sometimes no duration or ISRC known.
      {
        const p = fresh(plain);
        const isrc = chance(0.5) ? isrcFor(`${p.release.discogsId}/${p.track.title}`, p.release.releaseYear) : null;
        const source = withIsrc(formatted(from, p, { durationMs: chance(0.15) ? null : p.track.durationMs }), isrc);
        add('exact', to, source, [withIsrc(formatted(to, p, { durationMs: jitter(p.track.durationMs) }), isrc), ...siblings(p, 3, to)], 0, n);
      }
      // Remaster: the source and/or the target carry a remaster marker of the same recording.
      {
        const p = fresh(plain);
        const year = pick([2009, 2011, 2015, 2017, 2019]);
        const srcRemaster = chance(0.5);
        const source = formatted(
          from,
          p,
          srcRemaster ? { title: tagged(from, p.track.title, `Remastered ${year}`), album: `${p.release.title} (Remastered)` } : {},
        );
        const remaster = formatted(to, p, {
          title: tagged(to, p.track.title, `${year} Remaster`),
          album: `${p.release.title} (Remastered)`,
          durationMs: jitter(p.track.durationMs),
        });
        const original = formatted(to, p, { durationMs: jitter(p.track.durationMs) });
        const live = formatted(to, p, {
          title: tagged(to, p.track.title, 'Live'),
          album: `${p.release.title} (Live)`,
          durationMs: jitter(p.track.durationMs! + 25_000, 8000),
        });
        if (chance(0.5)) add('remaster', to, source, [remaster, live, ...siblings(p, 1, to)], 0, n);
        else add('remaster', to, source, srcRemaster ? [remaster, original, live] : [original, remaster, live], 0, n);
      }
      // Live decoy; half the time the studio recording is not there at all.
      {
        const p = fresh(plain);
        const source = formatted(from, p);
        const live = formatted(to, p, {
          title: tagged(to, p.track.title, pick(VENUES)),
          album: `${pick(['Live at', 'Live in'])} ${pick(['Paradiso', 'Berlin', 'Tokyo', 'Montreux'])}`,
          durationMs: jitter(p.track.durationMs! + 20_000, 15_000),
        });
        const present = chance(0.6);
        add(
          'live-decoy',
          to,
          source,
          present ? [formatted(to, p, { durationMs: jitter(p.track.durationMs) }), live] : [live, ...siblings(p, 1, to)],
          present ? 0 : null,
          n,
        );
      }
      // Remix decoy by another artist of the sample; or the source is the remix.
      {
        const p = fresh(plain);
        const remixer = otherArtist(p).artists[0]!;
        const remixMs = jitter(p.track.durationMs! + 60_000, 30_000);
        const remix = (s: Service) =>
          formatted(s, p, {
            title: tagged(s, p.track.title, `${remixer} Remix`),
            album: `${p.track.title} (Remixes)`,
            durationMs: jitter(remixMs),
          });
        const original = (s: Service) => formatted(s, p, { durationMs: jitter(p.track.durationMs) });
        const mode = pick(['original', 'remix', 'missing'] as const);
        if (mode === 'original') add('remix-decoy', to, original(from), [remix(to), original(to)], 1, n);
        else if (mode === 'remix') add('remix-decoy', to, remix(from), [original(to), remix(to)], 1, n);
        else add('remix-decoy', to, original(from), [remix(to)], null, n);
      }
      // Karaoke decoys, with or without the original.
      {
        const p = fresh(plain);
        const k = pick(KARAOKE)(p.artists[0]!);
        const karaoke: Track = {
          title: tagged(to, p.track.title, k.tag),
          artists: [k.artist],
          album: k.album,
          durationMs: jitter(p.track.durationMs, 3000),
          explicit: false,
        };
        const present = chance(0.5);
        add(
          'karaoke-decoy',
          to,
          formatted(from, p),
          present ? [karaoke, formatted(to, p, { durationMs: jitter(p.track.durationMs) })] : [karaoke],
          present ? 1 : null,
          n,
        );
      }
      // Cover: the same title by another artist of the sample, with or without the original.
      {
        const p = fresh(plain);
        const coverer = otherArtist(p);
        const cover: Track = {
          title: p.track.title,
          artists: artistsFor(to, coverer.artists),
          album: pick([coverer.release.title, `A Tribute to ${p.artists[0]}`]),
          durationMs: jitter(p.track.durationMs, 20_000),
          explicit: false,
        };
        const present = chance(0.5);
        add(
          'cover-decoy',
          to,
          formatted(from, p),
          present ? [cover, formatted(to, p, { durationMs: jitter(p.track.durationMs) })] : [cover],
          present ? 1 : null,
          n,
        );
      }
      // Instrumental decoy.
      {
        const p = fresh(plain);
        const inst = formatted(to, p, {
          title: tagged(to, p.track.title, pick(['Instrumental', 'Instrumental Version'])),
          durationMs: jitter(p.track.durationMs),
        });
        const present = chance(0.6);
        add(
          'instrumental-decoy',
          to,
          formatted(from, p),
          present ? [inst, formatted(to, p, { durationMs: jitter(p.track.durationMs) })] : [inst],
          present ? 1 : null,
          n,
        );
      }
      // feat.: Spotify lists every artist and keeps "(feat. B)" in the title; Apple credits the lead only.
      {
        const p = fresh(plain);
        const guest = otherArtist(p).artists[0]!;
        const sp: Track = {
          title: `${p.track.title} (feat. ${guest})`,
          artists: [...p.artists, guest],
          album: p.release.title,
          durationMs: p.track.durationMs,
          explicit: false,
        };
        const ap: Track = {
          title: `${p.track.title} (feat. ${guest})`,
          artists: [appleCredit(p.artists)],
          album: p.release.title,
          durationMs: jitter(p.track.durationMs),
          explicit: false,
        };
        const plainVersion = formatted(from === 'spotify' ? 'apple' : 'spotify', p, { durationMs: jitter(p.track.durationMs! - 15_000, 5000) });
        const [source, match] = from === 'spotify' ? [sp, ap] : [ap, sp];
        add('feat', to, source, [match, plainVersion], 0, n);
      }
      // Diacritics: one side folded to plain ASCII (older catalogues and files do this).
      {
        const pool = all.filter(
          (q) => /[^\u0000-\u007f]/.test(q.track.title + q.artists.join('')) && /\p{Script=Latin}/u.test(q.track.title) && q.track.durationMs,
        );
        if (pool.length) {
          const p = fresh(pool);
          const strip = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
          const match: Track = {
            title: strip(p.track.title),
            artists: artistsFor(to, p.artists.map(strip)),
            album: strip(p.release.title),
            durationMs: jitter(p.track.durationMs),
            explicit: false,
          };
          add('diacritics', to, formatted(from, p), [match, ...siblings(p, 2, to)], 0, n);
        }
      }
      // Punctuation and case: "&"/"and", curly apostrophes, dots, capitalisation.
      {
        const p = fresh(plain);
        const variant = (s: string) =>
          pick([
            (x: string) => x.toUpperCase(),
            (x: string) => x.toLowerCase(),
            (x: string) => x.replace(/'/g, '’'),
            (x: string) => x.replace(/ & /g, ' and ').replace(/\./g, ''),
          ])(s);
        const match: Track = {
          title: variant(p.track.title),
          artists: artistsFor(to, p.artists),
          album: p.release.title,
          durationMs: jitter(p.track.durationMs),
          explicit: false,
        };
        add('punctuation', to, formatted(from, p), [match, ...siblings(p, 2, to)], 0, n);
      }
      // Several songs per ISRC: the album, a compilation and a single share it (not a title track, whose single looks like the album).
      {
        const p = fresh(plain.filter((q) => q.release.type === 'album' && q.release.title.toLowerCase() !== q.track.title.toLowerCase()));
        const isrc = isrcFor(`${p.release.discogsId}/${p.track.title}`, p.release.releaseYear);
        const knowAlbum = chance(0.6);
        const source = withIsrc(formatted(from, p, knowAlbum ? {} : { album: null }), isrc);
        const album = withIsrc(formatted(to, p, { durationMs: jitter(p.track.durationMs, 500) }), isrc);
        const best = withIsrc(formatted(to, p, { album: `The Best of ${p.artists[0]}`, durationMs: album.durationMs }), isrc);
        const single = withIsrc(formatted(to, p, { album: to === 'apple' ? `${p.track.title} - Single` : p.track.title, durationMs: album.durationMs }), isrc);
        add('isrc-multi', to, source, [album, best, single], 0, n);
      }
      // ISRC disagreement: the ISRC lookup returns another song; the right one may come from search.
      {
        const p = fresh(plain);
        const wrong = otherArtist(p);
        const isrc = isrcFor(`${p.release.discogsId}/${p.track.title}`, p.release.releaseYear);
        const hit = withIsrc(formatted(to, wrong, { durationMs: jitter(wrong.track.durationMs) }), isrc);
        const present = chance(0.6);
        const right = withIsrc(formatted(to, p, { durationMs: jitter(p.track.durationMs) }), isrcFor(`other/${p.track.title}`, p.release.releaseYear));
        add('isrc-disagreement', to, withIsrc(formatted(from, p), isrc), present ? [hit, right] : [hit], present ? 1 : null, n);
      }
      // Missing: search finds the artist's other tracks and a namesake title by someone else.
      {
        const p = fresh(plain);
        const namesake = otherArtist(p);
        const near: Track = {
          title: `${p.track.title.split(' ')[0]} ${namesake.track.title}`.trim(),
          artists: artistsFor(to, namesake.artists),
          album: namesake.release.title,
          durationMs: jitter(namesake.track.durationMs),
          explicit: false,
        };
        add('missing', to, formatted(from, p), [...siblings(p, 2, to), near], null, n);
      }
      // Clean / explicit pair of the same recording.
      {
        const p = fresh(plain);
        const wantExplicit = chance(0.5);
        const source = { ...formatted(from, p), explicit: wantExplicit };
        const explicit = { ...formatted(to, p, { durationMs: jitter(p.track.durationMs, 300) }), explicit: true };
        const clean = { ...explicit, explicit: false };
        add('clean-explicit', to, source, [explicit, clean], wantExplicit ? 0 : 1, n);
      }
      // The same title by a different artist, with or without the right one.
      {
        const shared = [...byTitle.values()].filter((ps) => new Set(ps.map((q) => q.artists[0])).size > 1 && ps.every((q) => q.track.durationMs));
        const group = shared.length && chance(0.7) ? pick(shared) : null;
        const p = group ? group[0]! : fresh(plain);
        const others = group ? group.filter((q) => q.artists[0] !== p.artists[0]) : [otherArtist(p)];
        const namesakes = others.map((q) => formatted(to, q, { title: p.track.title, durationMs: jitter(q.track.durationMs) }));
        const present = chance(0.5);
        add(
          'same-title-other-artist',
          to,
          formatted(from, p),
          present ? [...namesakes, formatted(to, p, { durationMs: jitter(p.track.durationMs) })] : namesakes,
          present ? namesakes.length : null,
          n,
        );
      }
    }
    // Real versions from the sample: one title released as "(Original Mix)", "(Dub)", "(X Remix)" ...
    const versions = new Map<string, Pick[]>();
    for (const p of all) {
      if (!p.track.durationMs) continue;
      const core = p.track.title
        .replace(/\s*[([].*$/, '')
        .trim()
        .toLowerCase();
      const key = `${p.artists[0]}|${core}`;
      versions.set(key, [...(versions.get(key) ?? []), p]);
    }
    const groups = [...versions.values()].filter((g) => new Set(g.map((p) => p.track.title)).size > 1);
    shuffle(groups)
      .slice(0, 20)
      .forEach((g, i) => {
        const distinct = [...new Map(g.map((p) => [p.track.title, p])).values()];
        const p = pick(distinct);
        const from: Service = chance(0.5) ? 'spotify' : 'apple';
        const to = other(from);
        const candidates = distinct.map((q) => formatted(to, q, { durationMs: jitter(q.track.durationMs) }));
        add('versions', to, formatted(from, p), candidates, distinct.indexOf(p), i + 1);
      });

    const dir = path.join(__dirname, 'cases');
    const heldOut = (c: Case) => hash(`holdout:${c.id}`)[0]! < 64;
    const lines = (cs: Case[]) => cs.map((c) => JSON.stringify(c)).join('\n') + '\n';
    writeFileSync(path.join(dir, 'discogs-dev.jsonl'), lines(cases.filter((c) => !heldOut(c))));
    writeFileSync(path.join(dir, 'discogs-heldout.jsonl'), lines(cases.filter(heldOut)));
    console.log(`${cases.length} cases: ${cases.filter((c) => !heldOut(c)).length} dev, ${cases.filter(heldOut).length} held out`);
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
