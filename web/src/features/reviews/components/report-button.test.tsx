import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ReportButton } from './report-button';

function open() {
  renderWithProviders(<ReportButton targetType="comment" targetId="77" authorName="Ünïcode Ümlaut" />);
  return userEvent.click(screen.getByRole('button', { name: 'Report comment by Ünïcode Ümlaut' }));
}

describe('ReportButton', () => {
  it('when the reason is only spaces, then nothing is sent and the field says what is wrong', async () => {
    const { requests } = mockFetch({});
    await open();
    await userEvent.type(screen.getByLabelText('What is wrong?'), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Say what is wrong')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('when the reason holds a NUL character, then the field says so and nothing is sent', async () => {
    const { requests } = mockFetch({});
    await open();
    const reason = screen.getByLabelText('What is wrong?');
    await userEvent.type(reason, 'Spam\u0000links');
    expect(reason).toHaveValue('Spam\u0000links');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(reason).toHaveAccessibleDescription(/Reason may not contain NUL characters/);
    expect(requests).toEqual([]);
  });

  it('when a reason is sent, then the report reaches the API with the target and the dialog thanks the reporter', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/reports': () => jsonResponse({ id: '1' }, 201),
    });
    await open();
    await userEvent.type(screen.getByLabelText('What is wrong?'), 'Spam links');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Thanks. Your report is with the moderators.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ targetType: 'comment', targetId: '77', reason: 'Spam links' });
  });

  it('when the same content was already reported, then the dialog says so and stays open', async () => {
    mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/reports': () => problemResponse(409, 'already_reported', 'You already reported this.'),
    });
    await open();
    await userEvent.type(screen.getByLabelText('What is wrong?'), 'Again');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('You have already reported this.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send report' })).toBeInTheDocument();
  });
});
