import { NotificationTypeSchema, type NotificationPreferences } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { NotificationPreferencesForm } from './notification-preferences-form';

const LOCKED = new Set(['welcome', 'suspension_lifted', 'provider_reconnect']);

describe('NotificationPreferencesForm', () => {
  it('when the account notices come back not configurable, then they show as "Always on" and cannot be switched off', async () => {
    const answer: NotificationPreferences = {
      preferences: NotificationTypeSchema.options.map((type) => ({ type, enabled: true, configurable: !LOCKED.has(type) })),
    };
    mockFetch({ 'GET /api/me/notification-preferences': () => jsonResponse(answer) });
    renderWithProviders(<NotificationPreferencesForm />);

    const lifted = await screen.findByRole('checkbox', { name: /Your account’s suspension is lifted/ });
    expect(lifted).toBeChecked();
    expect(lifted).toBeDisabled();
    expect(within(lifted.closest('label')!).getByText('Always on')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Welcome message/ })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: /A report you made was handled/ })).toBeEnabled();
  });

  it('when the preferences come back, then conversions have their own switch, apart from imports', async () => {
    const answer: NotificationPreferences = {
      preferences: NotificationTypeSchema.options.map((type) => ({ type, enabled: type !== 'conversion_finished', configurable: !LOCKED.has(type) })),
    };
    mockFetch({ 'GET /api/me/notification-preferences': () => jsonResponse(answer) });
    renderWithProviders(<NotificationPreferencesForm />);

    const conversions = await screen.findByRole('checkbox', { name: /A playlist conversion has finished or failed/ });
    expect(conversions).not.toBeChecked();
    expect(conversions).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: /An import has finished/ })).toBeChecked();
  });
});
