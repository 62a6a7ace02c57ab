import { useTestApp } from '../../testing/test-app';
import { registerUser } from '../../testing/factories';
import { FavouritesRepo } from './favourites.repo';

const app = useTestApp();

describe('FavouritesRepo', () => {
  it('when an album is gone by the time favourites are saved, then it refuses with 404 not_found and keeps the favourites as they were', async () => {
    const knex = app.container.knex;
    const userId = (await registerUser(app)).session.user.id;
    const repo = new FavouritesRepo(knex);
    const missing = String(Number((await knex('albums').max<{ max: string | null }>('id as max').first())?.max ?? 0) + 1000);

    await expect(repo.replace(userId, [missing])).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'Album not found.' });
    expect(await repo.albumIds(userId)).toEqual([]);
  });
});
