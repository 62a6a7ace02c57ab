import type { Me } from '@muse/shared';

/** One place in the app the main navigation links to. */
export interface AppDestination {
  to: string;
  label: string;
  /** Active only on this exact path (My Muse must not light up on the diary below it). */
  end?: boolean;
  /** Listed in the phone Menu but not in the desktop tab strip, where the account menu offers it instead (room for search). */
  menuOnly?: boolean;
}

/** Every page the main navigation offers `me`, in order; administrators also get the admin pages. */
export function appDestinations(me: Me): AppDestination[] {
  const profile = `/users/${encodeURIComponent(me.handle)}`;
  const destinations: AppDestination[] = [
    { to: '/home', label: 'Home' },
    { to: profile, label: 'My Muse', end: true },
    { to: `${profile}/diary`, label: 'Diary' },
    { to: '/discover', label: 'Discover' },
    { to: '/listen-later', label: 'Listen later', menuOnly: true },
    { to: '/playlists', label: 'Playlists' },
    { to: '/parties', label: 'Listening parties', menuOnly: true },
    { to: '/conversions', label: 'Conversions', menuOnly: true },
    { to: '/charts', label: 'Charts' },
    { to: '/notifications', label: 'Notifications' },
  ];
  if (me.role === 'admin') {
    // The account menu offers both on wide screens: two more tabs would squeeze the search box out.
    destinations.push({ to: '/admin/reports', label: 'Reports', menuOnly: true }, { to: '/admin/jobs', label: 'Jobs', menuOnly: true });
  }
  return destinations;
}
