// The party pages share one chunk: the list and hosting one lead straight to a party.
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { useAlbum } from '../../features/albums/api/get-album';
import { useMe } from '../../features/auth/api/get-me';
import { PartyList } from '../../features/parties/components/party-list';
import { PartyPage } from '../../features/parties/components/party-page';
import { StartPartyForm } from '../../features/parties/components/start-party-form';

/** `/parties`: parties live now and coming up. */
export function PartiesRoute() {
  return (
    <div className="page page-medium">
      <title>Listening parties · Muse</title>
      <header className="page-header">
        <p className="eyebrow">Listen together</p>
        <h1>Listening parties</h1>
        <p className="muted">Everyone in a party hears the same preview at the same moment, chats, and rates each track live.</p>
      </header>
      <PartyList />
    </div>
  );
}

/** `/parties/:id`: a listening party (signed-in listeners only). */
export function PartyRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!me) return <PageSpinner label="Loading the party" />;
  return <PartyPage key={id} partyId={id} viewerId={me.id} />;
}

/** `/parties/new?album=<id>`: host a listening party on that album. */
export function NewPartyRoute() {
  const [params] = useSearchParams();
  const albumId = params.get('album') ?? '';
  const album = useAlbum(albumId);
  return (
    <div className="page page-medium">
      <title>Host a listening party · Muse</title>
      <header className="page-header">
        <p className="eyebrow">Listening party</p>
        <h1>Listen together</h1>
        <p className="muted">Everyone hears the same preview at the same moment, chats, and rates each track live.</p>
      </header>
      {album.isPending ? (
        <PageSpinner label="Loading the album" />
      ) : album.isError ? (
        <Alert tone="error">Pick an album first: open its page and choose “Host a listening party”.</Alert>
      ) : (
        <StartPartyForm albumId={album.data.album.id} albumTitle={album.data.album.title} />
      )}
    </div>
  );
}
