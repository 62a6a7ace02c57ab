import { mergeBatch, readBatchData, startBatch, whoPhrase, type NewNotification, type NotificationBatch } from './notification-batching';

const person = (id: string, name: string) => ({ id, handle: name.toLowerCase(), displayName: name });

function event(actor: ReturnType<typeof person>): NewNotification & { batch: NotificationBatch } {
  const title = (who: string) => `${who} liked your review`;
  return {
    userId: '1',
    type: 'review_liked',
    title: title(actor.displayName),
    body: 'b',
    data: { actorId: actor.id },
    batch: { subject: 'review:9', actor, title },
  };
}

describe('whoPhrase', () => {
  it.each([
    [[person('1', 'Ana')], 1, 'Ana'],
    [[person('2', 'Ben'), person('1', 'Ana')], 2, 'Ben and Ana'],
    [[person('3', 'Cy'), person('2', 'Ben'), person('1', 'Ana')], 3, 'Cy and 2 others'],
    [[person('3', 'Cy')], 2, 'Cy and 1 other'],
    [[], 0, 'Someone'],
  ])('when the actors are %j (%i people), then it reads %s', (actors, count, expected) => {
    expect(whoPhrase(actors, count)).toBe(expected);
  });
});

describe('mergeBatch', () => {
  it('when four people act, then the newest leads the title, three are shown and count is 4', () => {
    const [ana, ben, cy, dee] = [person('1', 'Ana'), person('2', 'Ben'), person('3', 'Cy'), person('4', 'Dee')];
    let stored = startBatch(event(ana));
    for (const p of [ben, cy, dee]) stored = mergeBatch(stored.data, event(p));
    expect(stored.title).toBe('Dee and 3 others liked your review');
    expect(readBatchData(stored.data)).toMatchObject({ actors: [dee, cy, ben], actorCount: 4, count: 4 });
  });

  it('when the same person acts again, then they are counted once but the event count grows', () => {
    const [ana, ben] = [person('1', 'Ana'), person('2', 'Ben')];
    let stored = startBatch(event(ana));
    stored = mergeBatch(stored.data, event(ben));
    stored = mergeBatch(stored.data, event(ana));
    expect(stored.title).toBe('Ana and Ben liked your review');
    expect(readBatchData(stored.data)).toMatchObject({ actors: [ana, ben], actorCount: 2, count: 3 });
  });

  it('when names hold emoji and right-to-left text, then they pass through unchanged', () => {
    const stored = mergeBatch(startBatch(event(person('1', '🎧 Zoë'))).data, event(person('2', 'سارا')));
    expect(stored.title).toBe('سارا and 🎧 Zoë liked your review');
  });

  it('when the stored data predates batching, then the merge starts from it without failing', () => {
    const stored = mergeBatch({ reviewId: '9' }, event(person('1', 'Ana')));
    expect(readBatchData(stored.data)).toMatchObject({ actorCount: 1, count: 1 });
    expect(readBatchData({ reviewId: '9' })).toBeNull();
  });
});
