import { Suspense } from 'react';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { lazyComponent } from '../../lib/lazy-component';
import { PublicLayout } from './public-layout';

/** The signed-in frame (notifications, the preview player, the account menu): fetched once someone is signed in. */
export const AppShell = lazyComponent(
  () => import('./app-shell'),
  (m) => m.AppShell,
);

/**
 * Frame of the pages anyone may read (albums, artists, reviews, diaries, charts, search): the
 * app shell when signed in, the public header otherwise.
 */
export function AppFrame() {
  const me = useMe();
  return me ? (
    <Suspense fallback={<PageSpinner label="Loading Muse" />}>
      <AppShell />
    </Suspense>
  ) : (
    <PublicLayout framed />
  );
}
