import { AppError } from '../../lib/app-error';
import type { AccountsReadModel } from '../auth/accounts.read-model';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import type { PartiesRepo, PartyRow } from './parties.repo';

export interface PartyAccessDeps {
  repo: PartiesRepo;
  graph: SocialGraphReadModel;
  accounts: AccountsReadModel;
}

/**
 * Who may see, join and act in a party. A party someone may not see answers 404 exactly like a
 * missing one (a private party's existence is not told): private parties are seen by their host
 * and invitees, and nobody blocked either way with the host, or while the host is suspended,
 * sees the party at all.
 */
export class PartyAccess {
  constructor(private readonly deps: PartyAccessDeps) {}

  /** The party, when the viewer may see it; else 404. */
  async visible(viewerId: string, partyId: string): Promise<PartyRow> {
    const party = await this.deps.repo.find(partyId);
    if (!party || !(await this.canSee(viewerId, party))) throw AppError.notFound('Party');
    return party;
  }

  async canSee(viewerId: string, party: PartyRow): Promise<boolean> {
    if (party.host_id === viewerId) return true;
    if (party.host_suspended) return false;
    if (await this.deps.graph.blockedEitherWay(viewerId, party.host_id)) return false;
    return party.visibility === 'public' || (await this.deps.repo.isInvited(party.id, viewerId));
  }

  /** The party, when it is live and the viewer is in its room; else 404 (not visible), 409 `party_not_live` or 403 `not_in_party`. */
  async present(viewerId: string, partyId: string): Promise<PartyRow> {
    const party = await this.visible(viewerId, partyId);
    PartyAccess.assertLive(party);
    if (!(await this.deps.repo.isPresent(partyId, viewerId))) throw AppError.forbidden('not_in_party', 'Join the party first.');
    return party;
  }

  /** The party, when the viewer hosts it; else 404 or 403 `not_host`. */
  async hosted(viewerId: string, partyId: string): Promise<PartyRow> {
    const party = await this.visible(viewerId, partyId);
    if (party.host_id !== viewerId) throw AppError.forbidden('not_host', 'Only the host can do that.');
    return party;
  }

  /** Whether the viewer is an administrator (moderators of every party's chat). */
  async isModerator(viewerId: string): Promise<boolean> {
    return (await this.deps.accounts.findById(viewerId))?.role === 'admin';
  }

  /** Rejects unless the party is live (409 `party_not_live`). */
  static assertLive(party: PartyRow): void {
    if (party.status !== 'live') {
      throw AppError.conflict('party_not_live', party.status === 'ended' ? 'This party has ended.' : 'This party has not started yet.');
    }
  }
}
