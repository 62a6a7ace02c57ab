import type { Notification } from '@muse/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { NotificationItem } from './notification-item';

const liked: Notification = {
  id: '9',
  type: 'review_liked',
  title: 'Ana liked your review of Low',
  body: 'Low by David Bowie',
  link: '/reviews/4',
  readAt: null,
  createdAt: new Date().toISOString(),
  actors: [{ id: '2', handle: 'ana', displayName: 'Ana' }],
};

describe('NotificationItem', () => {
  it('when unread, then the "Mark as read" button is named by its visible label first, then the notification', () => {
    renderWithProviders(<NotificationItem notification={liked} onMarkRead={vi.fn()} marking={false} />);
    const button = screen.getByRole('button', { name: /mark as read/i });
    // Speech input users say what they see: the accessible name must contain the visible label.
    expect(button.textContent).toBe('Mark as read');
    expect(button).toHaveAccessibleName('Mark as read: Ana liked your review of Low');
  });

  it('when a conversion has finished, then its notice links to the conversion page', () => {
    const converted: Notification = {
      id: '10',
      type: 'conversion_finished',
      title: '"Demo mix" is on Apple Music',
      body: '48 tracks of 50 tracks matched, 48 tracks added. 2 tracks need a look in the report.',
      link: '/conversions/c1',
      readAt: null,
      createdAt: new Date().toISOString(),
    };
    renderWithProviders(<NotificationItem notification={converted} onMarkRead={vi.fn()} marking={false} />);
    expect(screen.getByRole('link', { name: '"Demo mix" is on Apple Music' })).toHaveAttribute('href', '/conversions/c1');
    expect(screen.getByText(/2 tracks need a look in the report/)).toBeInTheDocument();
  });
});
