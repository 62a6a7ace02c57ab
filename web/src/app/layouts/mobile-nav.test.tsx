import type { Me } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { appDestinations } from './app-destinations';
import { MobileNav } from './mobile-nav';
import { meOf } from '../../testing/session-fixtures';

/** The menu of a listener, in order; administrators get the admin pages after it. */
const LISTENER_PAGES = ['Home', 'My Muse', 'Diary', 'Discover', 'Listen later', 'Playlists', 'Listening parties', 'Conversions', 'Charts', 'Notifications'];

const listener = meOf({ id: '1', handle: 'nina', displayName: 'Nina' });
const admin: Me = { ...listener, role: 'admin' };

function renderMenu(me: Me) {
  renderWithProviders(
    <>
      <MobileNav destinations={appDestinations(me)} />
      <button type="button">After the menu</button>
    </>,
  );
  return screen.getByRole('button', { name: 'Menu' });
}

const linkNames = () =>
  within(screen.getByRole('navigation', { name: 'Menu' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('MobileNav', () => {
  it('when closed, then it is a collapsed button with no list in the page', () => {
    const button = renderMenu(listener);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('navigation', { name: 'Menu' })).not.toBeInTheDocument();
  });

  it('when opened, then it lists every destination, is marked expanded and focuses the first link', async () => {
    const button = renderMenu(listener);
    await userEvent.click(button);
    const menu = screen.getByRole('navigation', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(linkNames()).toEqual(LISTENER_PAGES);
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Home' }));
  });

  it('when an administrator opens it, then the admin pages are listed too', async () => {
    await userEvent.click(renderMenu(admin));
    expect(linkNames()).toEqual([...LISTENER_PAGES, 'Reports', 'Jobs']);
  });

  it('when opened by keyboard and Escape is pressed, then it closes and focus returns to the button', async () => {
    const button = renderMenu(listener);
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('navigation', { name: 'Menu' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('navigation', { name: 'Menu' })).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(button);
  });

  it('when a destination is chosen, then the menu closes', async () => {
    const button = renderMenu(listener);
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('link', { name: 'Charts' }));
    expect(screen.queryByRole('navigation', { name: 'Menu' })).not.toBeInTheDocument();
  });

  it('when focus moves past the last link, then the menu closes', async () => {
    const button = renderMenu(admin);
    await userEvent.click(button);
    screen.getByRole('link', { name: 'Jobs' }).focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After the menu' }));
    expect(screen.queryByRole('navigation', { name: 'Menu' })).not.toBeInTheDocument();
  });
});
