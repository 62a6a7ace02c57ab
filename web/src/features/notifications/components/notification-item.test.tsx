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
});
