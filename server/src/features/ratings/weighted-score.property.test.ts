import fc from 'fast-check';
import type { Knex } from 'knex';
import { createKnex, migrateLatest } from '../../db/knex';
import { createTestDatabase } from '../../testing/test-infra';
import { makeAlbum, makeUsers } from '../../testing/factories';
import { presentStats, weightedScore } from '../../http/presenters/catalog.presenter';
import { CatalogReadModel, type StatsRow } from '../catalog/catalog.read-model';

/** One rating as the weight rule stores it: a value 1..10, its rater's standing and weight (four decimals). */
const ratingArb = fc.record({
  value: fc.integer({ min: 1, max: 10 }),
  established: fc.boolean(),
  weight: fc.integer({ min: 0, max: 10_000 }).map((w) => w / 10_000),
});
type Rating = { value: number; established: boolean; weight: number };

/** The stored weight of a rating: full for an established rater. */
const weightOf = (r: Rating) => (r.established ? 1 : r.weight);

/** Stats as the triggers would keep them, summed the slow way. */
function summed(ratings: Rating[]): StatsRow {
  return {
    count: ratings.length,
    sum: ratings.reduce((s, r) => s + r.value, 0),
    histogram: Array.from({ length: 10 }, (_, i) => ratings.filter((r) => r.value === i + 1).length),
    weight_sum: ratings.reduce((s, r) => s + weightOf(r), 0),
    weighted_sum: ratings.reduce((s, r) => s + weightOf(r) * r.value, 0),
  };
}

/** The prior: the weighted mean of every rating in stars (3 when every weight is 0, as globalAlbumMean answers). */
function priorOf(ratings: Rating[]): number {
  const w = ratings.reduce((s, r) => s + weightOf(r), 0);
  return w > 0 ? ratings.reduce((s, r) => s + weightOf(r) * r.value, 0) / w / 2 : 3;
}

/** The score lies within the stars of the ratings that fed it: the album's and those behind the prior. */
function withinRange(score: number, fed: Rating[], prior: number): boolean {
  const stars = fed.map((r) => r.value / 2);
  // A prior of 3 with no weight anywhere still counts (it is the documented fallback).
  const low = Math.min(...stars, prior);
  const high = Math.max(...stars, prior);
  return score >= low - 1e-9 && score <= high + 1e-9;
}

describe('the weighted score', () => {
  it('when any albums are rated with any weights, then each album’s score lies within the range of the ratings that fed it', () => {
    fc.assert(
      fc.property(fc.array(fc.array(ratingArb, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }), (albums) => {
        const all = albums.flat();
        const prior = priorOf(all);
        return albums.every((ratings) => withinRange(weightedScore(summed(ratings), prior), all, prior));
      }),
      { numRuns: 500 },
    );
  });

  it('when the only album is rated by anyone, then its score lies within its own ratings’ range (the prior is its own weighted mean)', () => {
    fc.assert(
      fc.property(fc.array(ratingArb, { minLength: 1, maxLength: 60 }), (ratings) => {
        const prior = priorOf(ratings);
        const score = weightedScore(summed(ratings), prior);
        const stars = ratings.map((r) => r.value / 2);
        // Every weight 0: the score is the fallback prior, not a rating.
        if (ratings.every((r) => weightOf(r) === 0)) return score === 3;
        return score >= Math.min(...stars) - 1e-9 && score <= Math.max(...stars) + 1e-9;
      }),
      { numRuns: 500 },
    );
  });
});

describe('the trigger-kept weighted sums', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let knex: Knex;
  let raters: string[];

  beforeAll(async () => {
    db = await createTestDatabase('weights');
    knex = createKnex(db.url, 4);
    await migrateLatest(knex);
    raters = await makeUsers(knex, 12);
  });
  afterAll(async () => {
    await knex.destroy();
    await db.drop();
  });

  const opArb = fc.record({
    rater: fc.integer({ min: 0, max: 11 }),
    // Delete, or write (insert, or change value/standing/weight of) the rater's rating.
    remove: fc.boolean(),
    rating: ratingArb,
  });

  it('when ratings are written, changed, reweighed and deleted in any order, then the stored sums equal a recount and the published score stays within the ratings’ range', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        const album = (await makeAlbum(knex, { tracks: [] })).id;
        for (const op of ops) {
          const userId = raters[op.rater]!;
          if (op.remove) {
            await knex('album_ratings').where({ user_id: userId, album_id: album }).delete();
            continue;
          }
          const { value, established } = op.rating;
          await knex('album_ratings')
            .insert({ user_id: userId, album_id: album, value, established, weight: weightOf(op.rating) })
            .onConflict(['user_id', 'album_id'])
            .merge(['value', 'established', 'weight']);
        }
        const rows: Rating[] = (await knex('album_ratings').where({ album_id: album }).select('value', 'established', 'weight')).map((r) => ({
          value: r.value,
          established: r.established,
          weight: Number(r.weight),
        }));
        const stored = await knex('album_rating_stats').where({ album_id: album }).first();
        const expected = summed(rows);
        expect(
          stored
            ? [stored.count, Number(stored.sum), stored.histogram, Number(stored.weight_sum), Number(stored.weighted_sum)]
            : [0, 0, expected.histogram, 0, 0],
        ).toEqual([
          expected.count,
          expected.sum,
          expected.histogram,
          expect.closeTo(Number(expected.weight_sum), 9),
          expect.closeTo(Number(expected.weighted_sum), 9),
        ]);
        expect(stored ? [stored.established_count, stored.established_histogram] : null).toEqual(
          stored ? [rows.filter((r) => r.established).length, summed(rows.filter((r) => r.established)).histogram] : null,
        );
        if (!rows.length) return;
        const prior = await new CatalogReadModel(knex).globalAlbumMean();
        const all: Rating[] = (await knex('album_ratings').select('value', 'established', 'weight')).map((r) => ({ ...r, weight: Number(r.weight) }));
        // Unrounded: the page shows it to two decimals.
        expect(withinRange(weightedScore(stored, prior), all, prior)).toBe(true);
        expect(presentStats(stored, prior).count).toBe(rows.length);
      }),
      { numRuns: 25 },
    );
  });
});
