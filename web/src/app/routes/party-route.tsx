import { useParams } from 'react-router';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { PartyPage } from '../../features/parties/components/party-page';

/** `/parties/:id`: a listening party (signed-in listeners only). */
export function PartyRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!me) return <PageSpinner label="Loading the party" />;
  return <PartyPage key={id} partyId={id} viewerId={me.id} />;
}
