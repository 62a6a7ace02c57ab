import { useMe } from '../../features/auth/api/get-me';
import { AppShell } from './app-shell';
import { PublicLayout } from './public-layout';

/**
 * Frame of the pages anyone may read (albums, artists, reviews, diaries, charts, search): the
 * app shell when signed in, the public header otherwise.
 */
export function AppFrame() {
  const me = useMe();
  return me ? <AppShell /> : <PublicLayout framed />;
}
