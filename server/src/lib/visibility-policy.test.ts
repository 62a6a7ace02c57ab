import fc from 'fast-check';
import { canSeeActivity, type VisibilityFacts } from './visibility-policy';

const base: VisibilityFacts = { viewerId: '1', actorId: '2', visibility: 'public', actorIsPrivate: false, viewerFollowsActor: false, blocked: false };

describe('canSeeActivity', () => {
  it.each<[string, Partial<VisibilityFacts>, boolean]>([
    ['public activity of a public profile, to anyone', {}, true],
    ['public activity, to a signed-out visitor', { viewerId: null }, true],
    ['followers-only activity, to a non-follower', { visibility: 'followers' }, false],
    ['followers-only activity, to a follower', { visibility: 'followers', viewerFollowsActor: true }, true],
    ['private activity, even to a follower', { visibility: 'private', viewerFollowsActor: true }, false],
    ['public activity of a private profile, to a non-follower', { actorIsPrivate: true }, false],
    ['public activity of a private profile, to a follower', { actorIsPrivate: true, viewerFollowsActor: true }, true],
    ['followers-only activity when blocked (even if a follow row lingers)', { visibility: 'followers', viewerFollowsActor: true, blocked: true }, false],
    ['public activity when blocked', { blocked: true }, true],
    ['private activity, to its actor', { visibility: 'private', viewerId: '2' }, true],
  ])('when it is %s, then the answer is %s', (_label, facts, expected) => {
    expect(canSeeActivity({ ...base, ...facts })).toBe(expected);
  });

  it('when anything is visible to a blocked viewer, then it is visible to the whole world', () => {
    fc.assert(
      fc.property(fc.constantFrom('public', 'followers', 'private' as const), fc.boolean(), fc.boolean(), (visibility, actorIsPrivate, follows) => {
        const facts = { ...base, visibility, actorIsPrivate, viewerFollowsActor: follows } as VisibilityFacts;
        if (canSeeActivity({ ...facts, blocked: true })) expect(canSeeActivity({ ...facts, viewerId: null })).toBe(true);
      }),
    );
  });

  it('when a follower cannot see something, then no non-follower can either', () => {
    fc.assert(
      fc.property(fc.constantFrom('public', 'followers', 'private' as const), fc.boolean(), fc.boolean(), (visibility, actorIsPrivate, blocked) => {
        const facts = { ...base, visibility, actorIsPrivate, blocked } as VisibilityFacts;
        if (!canSeeActivity({ ...facts, viewerFollowsActor: true })) expect(canSeeActivity({ ...facts, viewerFollowsActor: false })).toBe(false);
      }),
    );
  });
});
