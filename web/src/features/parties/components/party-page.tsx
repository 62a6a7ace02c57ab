import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { useEndParty } from '../api/end-party';
import { useParty } from '../api/get-party';
import { useJoinParty } from '../api/join-party';
import { useLeaveParty } from '../api/leave-party';
import { usePartySocket } from '../api/use-party-socket';
import { PartyChat } from './party-chat';
import { PartyInvitations } from './party-invitations';
import { PartyPlayerControls } from './party-player-controls';
import { PartySummaryView } from './party-summary';
import { PartyTracklist } from './party-tracklist';
import { usePartyPlayer } from './use-party-player';

/** A listening party: join, hear the shared player, rate tracks, chat; the host starts and ends it; the summary once it ended. */
export function PartyPage({ partyId, viewerId }: { partyId: string; viewerId: string }) {
  const party = useParty(partyId);
  const join = useJoinParty(partyId);
  const leave = useLeaveParty(partyId);
  const end = useEndParty(partyId);
  const joined = party.data?.viewer.joined ?? false;
  const live = usePartySocket(partyId, joined && party.data?.status !== 'ended');
  usePartyPlayer(party.data, joined && party.data?.status === 'live');

  if (party.isPending) return <PageSpinner label="Loading the party" />;
  if (party.isError) {
    // Missing, private to others, or the host withdrew the viewer's invitation while the page was open.
    if (isApiError(party.error) && party.error.status === 404)
      return (
        <Alert tone="info">
          This party is not open to you. <Link to="/parties">See the parties you can join</Link>.
        </Alert>
      );
    return <Alert tone="error">This party could not be loaded. {party.error.message}</Alert>;
  }
  const p = party.data;
  const inControl = p.playback.controller.id === viewerId;
  const nowPlaying = p.tracks.find((t) => t.id === p.playback.trackId);

  return (
    <div className="page page-medium party-page">
      <title>{`Listening party: ${p.album.title} · Muse`}</title>
      <header className="page-header">
        <p className="eyebrow">
          {p.status === 'live' ? 'Live listening party' : p.status === 'scheduled' ? 'Scheduled listening party' : 'Listening party (ended)'}
          {p.visibility === 'private' ? ' · by invitation' : ''}
        </p>
        <h1>
          <Link to={`/albums/${p.album.id}`}>{p.album.title}</Link>
        </h1>
        <p className="muted">
          {p.album.artist} · hosted by <Link to={`/users/${p.host.handle}`}>{p.host.displayName}</Link> ·{' '}
          <span data-testid="party-count">{p.participantCount === 1 ? '1 listener' : `${p.participantCount} listeners`}</span>
          {p.scheduledFor && p.status === 'scheduled' && ` · starts ${new Date(p.scheduledFor).toLocaleString()}`}
        </p>
        <p role="status" className="party-now">
          {nowPlaying
            ? `${p.playback.playing ? 'Now playing' : 'Paused'}: ${nowPlaying.title}`
            : p.status === 'ended'
              ? 'The party has ended.'
              : 'Nothing playing yet.'}
          {joined && p.status !== 'ended' && !live && <span className="muted"> (connecting…)</span>}
        </p>
        <div className="party-actions">
          {!joined && p.status !== 'ended' && (
            <Button onClick={() => join.mutate()} pending={join.isPending}>
              Join the party
            </Button>
          )}
          {joined && !p.viewer.isHost && p.status !== 'ended' && (
            <Button variant="secondary" onClick={() => leave.mutate()} pending={leave.isPending}>
              Leave
            </Button>
          )}
          {p.viewer.isHost && p.status !== 'ended' && (
            <Button variant="danger" onClick={() => end.mutate()} pending={end.isPending}>
              End the party
            </Button>
          )}
        </div>
        {join.isError && <Alert tone="error">{join.error.message}</Alert>}
      </header>
      {p.status === 'ended' && <PartySummaryView partyId={p.id} />}
      {p.status === 'live' && joined && <PartyPlayerControls party={p} inControl={inControl} />}
      <PartyTracklist party={p} inControl={inControl} />
      {(joined || p.status === 'ended') && <PartyChat party={p} viewerId={viewerId} />}
      {p.viewer.isHost && p.status !== 'ended' && <PartyInvitations partyId={p.id} />}
    </div>
  );
}
