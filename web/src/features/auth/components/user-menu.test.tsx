import type { Me } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appDestinations } from '../../../app/layouts/app-destinations';
import { renderWithProviders } from '../../../testing/render';
import { UserMenu } from './user-menu';
import { meOf } from '../../../testing/session-fixtures';

const listener = meOf({ id: '1', handle: 'nina', displayName: 'Nina' });
const admin: Me = { ...listener, role: 'admin' };

async function openMenu(me: Me) {
  renderWithProviders(<UserMenu user={me} onLogout={() => undefined} loggingOut={false} />);
  await userEvent.click(screen.getByRole('button', { name: 'Account menu for Nina' }));
  return within(screen.getByRole('group', { name: 'Account' }));
}

describe('UserMenu', () => {
  it('when an administrator opens it, then it offers every page the desktop tab strip leaves to it, the admin pages included', async () => {
    const menu = await openMenu(admin);
    const offered = menu.getAllByRole('link').map((link) => link.getAttribute('href'));
    const leftToMenu = appDestinations(admin)
      .filter((d) => d.menuOnly)
      .map((d) => d.to);
    expect(leftToMenu).toEqual(expect.arrayContaining(['/admin/reports', '/admin/jobs']));
    for (const to of leftToMenu) expect({ to, offered: offered.includes(to) }).toEqual({ to, offered: true });
  });

  it('when a listener opens it, then no admin page is offered', async () => {
    const menu = await openMenu(listener);
    expect(menu.queryByRole('link', { name: 'Moderation queue' })).not.toBeInTheDocument();
    expect(menu.queryByRole('link', { name: 'Failed jobs' })).not.toBeInTheDocument();
  });
});
