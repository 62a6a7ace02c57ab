import { useTestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, setPrivacy, type TestPerson } from '../../testing/factories';

const app = useTestApp();

type Person = TestPerson;

const person = () => registerPerson(app);

describe('GET /api/albums/:id/friends', () => {
  it('when followees rated the album, then the viewer sees those they may see, with stars, and nobody else', async () => {
    const [v, pub, fol, priv, blocker, privateProfile, stranger] = (await Promise.all(Array.from({ length: 7 }, person))) as [
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
    const album = await makeAlbum(app.container.knex);
    const other = await makeAlbum(app.container.knex);
    for (const f of [pub, fol, priv, blocker, privateProfile]) await follow(app, v.id, f.id);
    await setPrivacy(app, fol.id, { defaultVisibility: 'followers' });
    await setPrivacy(app, priv.id, { defaultVisibility: 'private' });
    await setPrivacy(app, privateProfile.id, { isPrivate: true });
    const ratings: [Person, number][] = [
      [pub, 4.5],
      [fol, 0.5],
      [priv, 5],
      [blocker, 3],
      [privateProfile, 2],
      [stranger, 1],
    ];
    for (const [p, stars] of ratings) expect((await p.client.send('put', `/api/albums/${album.id}/rating`, { rating: stars })).status).toBe(200);
    await pub.client.send('put', `/api/albums/${other.id}/rating`, { rating: 1 });
    await block(app, blocker.id, v.id);
    await follow(app, v.id, blocker.id).catch(() => undefined);

    const res = await v.client.get(`/api/albums/${album.id}/friends`).expect(200);
    const byHandle = Object.fromEntries(res.body.friends.map((f: { user: { handle: string }; rating: number }) => [f.user.handle, f.rating]));
    expect(byHandle).toEqual({ [pub.handle]: 4.5, [fol.handle]: 0.5, [privateProfile.handle]: 2 });
    expect(res.body.friends[0].user).toEqual({ id: expect.any(String), handle: expect.any(String), displayName: expect.any(String) });
    const page = await v.client.get(`/api/albums/${album.id}`).expect(200);
    expect(page.body.friends).toEqual(res.body.friends);
  });

  it('when the viewer is signed out or follows nobody, then the list is empty', async () => {
    const album = await makeAlbum(app.container.knex);
    const rater = await person();
    await rater.client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 });
    expect((await app.client().get(`/api/albums/${album.id}/friends`).expect(200)).body).toEqual({ friends: [] });
    expect((await app.client().get(`/api/albums/${album.id}`).expect(200)).body.friends).toEqual([]);
    expect((await (await person()).client.get(`/api/albums/${album.id}/friends`).expect(200)).body).toEqual({ friends: [] });
  });

  it('when the album is unknown or the id malformed, then it answers 404 or 400', async () => {
    const v = await person();
    expect((await v.client.get('/api/albums/987654321/friends')).status).toBe(404);
    expect((await v.client.get('/api/albums/abc/friends')).status).toBe(400);
    expect((await v.client.get('/api/albums/-1/friends')).status).toBe(400);
  });
});
