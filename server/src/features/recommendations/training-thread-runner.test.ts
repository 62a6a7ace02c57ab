import { CooBuilder } from './model';
import { trainArrays, type TrainingInput } from './recommendations.training';
import { trainOnThread } from './training-thread-runner';

/** Two tastes of 20 users over 30 items, with attributes for every item. */
function input(): TrainingInput {
  const ratings = new CooBuilder();
  for (let u = 0; u < 40; u += 1) for (let i = 0; i < 30; i += 1) if ((u + i) % 3 === 0) ratings.push(u, i, u < 20 === i < 15 ? 10 : 2);
  const listens = new CooBuilder();
  listens.push(3, 7, 4);
  return {
    kind: 'album',
    userIds: Array.from({ length: 40 }, (_, u) => String(u + 1)),
    itemIds: Array.from({ length: 30 }, (_, i) => String(i + 100)),
    ratings,
    listens,
    attributes: Array.from({ length: 30 }, (_, i) => ({
      artist: `a${i % 7}`,
      genres: [i < 15 ? 'Jazz' : 'Rock'],
      styles: [],
      label: undefined,
      year: 1960 + i,
    })),
    artistOf: Array.from({ length: 30 }, (_, i) => `a${i % 7}`),
  };
}

describe('the recommendations training thread', () => {
  it('when training runs on its thread, then the event loop keeps turning and the arrays equal an in-process training', async () => {
    const expected = trainArrays(input());
    let turns = 0;
    let turning = true;
    const spin = () => {
      if (!turning) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    const arrays = await trainOnThread(input());
    turning = false;
    // Training on this thread would hold the loop from the call to the answer: not one turn.
    expect(turns).toBeGreaterThan(0);
    for (const name of ['userItems', 'similarities', 'contentSimilarities'] as const) {
      expect(arrays[name].rows).toBe(expected[name].rows);
      expect(arrays[name].cols).toBe(expected[name].cols);
      expect(Array.from(arrays[name].indptr)).toEqual(Array.from(expected[name].indptr));
      expect(Array.from(arrays[name].indices)).toEqual(Array.from(expected[name].indices));
      expect(Array.from(arrays[name].values)).toEqual(Array.from(expected[name].values));
    }
    expect(arrays.similarities.indptr[arrays.similarities.rows]).toBeGreaterThan(0);
    expect(arrays.contentSimilarities.indptr[arrays.contentSimilarities.rows]).toBeGreaterThan(0);
  });

  it('when the thread fails, then the promise rejects instead of hanging', async () => {
    const broken = { ...input(), ratings: null } as unknown as TrainingInput;
    await expect(trainOnThread(broken)).rejects.toThrow();
  });
});
