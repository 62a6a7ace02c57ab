import type { Visibility } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, setPrivacy, writeReview, type TestPerson } from '../../testing/factories';

/**
 * A report names its target, so the answer to one about a review the reporter may not see (or a
 * comment on such a review) must be the same 404 as for content that does not exist: the
 * visibility rule decides, exactly as for reading the review.
 */

const app = useTestApp();

const knex = () => app.container.knex;

async function reviewOf(owner: TestPerson, visibility: Visibility): Promise<string> {
  const album = await makeAlbum(knex());
  return writeReview(owner, String(album.id), 'A review worth arguing about', { visibility });
}

async function commentOn(reviewId: string, commenter: TestPerson): Promise<string> {
  const res = await commenter.client.post(`/api/reviews/${reviewId}/comments`, { body: 'I disagree entirely' });
  expect(res.status).toBe(201);
  return String(res.body.id);
}

const report = (reporter: TestPerson, targetType: 'review' | 'comment', targetId: string) =>
  reporter.client.post('/api/reports', { targetType, targetId, reason: 'Spam' });

/** What reporting content that does not exist answers, to compare with. */
async function missingAnswer(reporter: TestPerson, targetType: 'review' | 'comment') {
  const res = await report(reporter, targetType, '999999999');
  return { status: res.status, body: res.body as unknown };
}

interface HiddenCase {
  name: string;
  /** Builds the owner, the reporter and the review; answers the review id. */
  setUp: (owner: TestPerson, reporter: TestPerson) => Promise<string>;
}

const CASES: HiddenCase[] = [
  { name: 'a private-visibility review', setUp: (owner) => reviewOf(owner, 'private') },
  { name: 'a followers-only review of someone the reporter does not follow', setUp: (owner) => reviewOf(owner, 'followers') },
  {
    name: 'a public review of a private profile the reporter does not follow',
    setUp: async (owner) => {
      await setPrivacy(knex(), owner.id, { isPrivate: true });
      return reviewOf(owner, 'public');
    },
  },
  {
    name: 'a followers-only review of someone who blocked the reporter',
    setUp: async (owner, reporter) => {
      await follow(knex(), reporter.id, owner.id);
      await block(knex(), owner.id, reporter.id);
      return reviewOf(owner, 'followers');
    },
  },
];

describe('POST /api/reports on content the reporter may not see', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('when reporting %s, then it answers 404 as for a missing review and stores nothing', async (_name, c) => {
    const owner = await registerPerson(app);
    const reporter = await registerPerson(app);
    const reviewId = await c.setUp(owner, reporter);
    const res = await report(reporter, 'review', reviewId);
    expect({ status: res.status, body: res.body as unknown }).toEqual(await missingAnswer(reporter, 'review'));
    expect(await knex()('reports').where({ target_type: 'review', target_id: reviewId })).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('when reporting a comment on %s, then it answers 404 as for a missing comment', async (_name, c) => {
    const owner = await registerPerson(app);
    const reporter = await registerPerson(app);
    const reviewId = await c.setUp(owner, reporter);
    const commentId = await commentOn(reviewId, owner);
    const res = await report(reporter, 'comment', commentId);
    expect({ status: res.status, body: res.body as unknown }).toEqual(await missingAnswer(reporter, 'comment'));
    expect(await knex()('reports').where({ target_type: 'comment', target_id: commentId })).toEqual([]);
  });

  it('when a follower reports a followers-only review and a comment on it, then both are filed', async () => {
    const owner = await registerPerson(app);
    const reporter = await registerPerson(app);
    await follow(knex(), reporter.id, owner.id);
    const reviewId = await reviewOf(owner, 'followers');
    const commentId = await commentOn(reviewId, owner);
    expect((await report(reporter, 'review', reviewId)).status).toBe(201);
    expect((await report(reporter, 'comment', commentId)).status).toBe(201);
  });
});
