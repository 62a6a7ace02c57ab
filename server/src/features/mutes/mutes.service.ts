import { ACTIVITY_TYPES, type MuteCreateInput, type MuteList, type MuteView } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { presentMute } from './mutes.presenter';
import type { MutesRepo } from './mutes.repo';

/** How many mutes one user may hold; enough for any real use, bounded for the feed's filters. */
export const MAX_MUTES = 500;

const ID = /^[1-9][0-9]{0,17}$/;
const HANDLE = /^[A-Za-z0-9_]{3,30}$/;

/** Feed filters: mute a user (by handle), an artist (by id) or an activity type. */
export class MutesService {
  constructor(private readonly repo: MutesRepo) {}

  async list(userId: string): Promise<MuteList> {
    return { items: (await this.repo.list(userId)).map(presentMute) };
  }

  /** Adds a mute (idempotent). Unknown users and artists are 404; yourself or an unknown type 400. */
  async create(userId: string, input: MuteCreateInput): Promise<{ mute: MuteView; created: boolean }> {
    const { kind, target, name } = await this.resolve(userId, input.kind, input.target);
    // A repeat changes nothing, so it is answered as one even at the cap.
    if ((await this.repo.count(userId)) >= MAX_MUTES && !(await this.repo.has(userId, kind, target))) {
      throw AppError.conflict('too_many_mutes', `You can mute at most ${MAX_MUTES} things.`);
    }
    const created = await this.repo.insert(userId, kind, target);
    return { mute: presentMute({ kind, target, name }), created };
  }

  /** Removes a mute named as `list` shows it; a missing one is 404. */
  async delete(userId: string, kind: string, target: string): Promise<void> {
    if (kind !== 'user' && kind !== 'artist' && kind !== 'activity_type') throw AppError.notFound('Mute');
    let stored = target;
    if (kind === 'user') stored = (HANDLE.test(target) && (await this.repo.userByHandle(target))?.id) || '';
    if (!stored || !(await this.repo.delete(userId, kind, stored))) throw AppError.notFound('Mute');
  }

  private async resolve(userId: string, kind: MuteCreateInput['kind'], target: string) {
    if (kind === 'user') {
      const handle = target.replace(/^@/, '');
      const user = HANDLE.test(handle) ? await this.repo.userByHandle(handle) : null;
      if (!user) throw AppError.notFound('User');
      if (user.id === userId)
        throw AppError.badRequest('cannot_mute_self', 'You cannot mute yourself.', [{ path: 'target', message: 'You cannot mute yourself' }]);
      return { kind, target: user.id, name: user.handle };
    }
    if (kind === 'artist') {
      const name = ID.test(target) ? await this.repo.artistName(target) : null;
      if (!name) throw AppError.notFound('Artist');
      return { kind, target, name };
    }
    if (!(ACTIVITY_TYPES as readonly string[]).includes(target)) {
      throw AppError.badRequest('validation_failed', 'Some fields are not valid.', [
        { path: 'target', message: `Activity type must be one of: ${ACTIVITY_TYPES.join(', ')}` },
      ]);
    }
    return { kind, target, name: null };
  }
}
