import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { todayLocal } from '../../../lib/format-music';
import { review } from '../../../testing/catalog-fixtures';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ReviewEditor, validateEditor } from './review-editor';

const csrf = { 'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }) };

function renderEditor(props: Partial<Parameters<typeof ReviewEditor>[0]> = {}) {
  const onDone = vi.fn();
  const view = renderWithProviders(<ReviewEditor albumId="42" onDone={onDone} onCancel={vi.fn()} {...props} />);
  return { ...view, onDone };
}

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return todayLocal(date);
}

describe('ReviewEditor', () => {
  it('when opened, then the listened-on date is today and cannot be set later than today', () => {
    renderEditor();
    const date = screen.getByLabelText('Listened on');
    expect(date).toHaveValue(todayLocal());
    expect(date).toHaveAttribute('max', todayLocal());
    expect(screen.getByRole('button', { name: 'Log listen' })).toBeInTheDocument();
  });

  it('when the review has 10,001 characters, then it is refused before anything is sent', async () => {
    const { requests } = mockFetch(csrf);
    renderEditor();
    const body = screen.getByLabelText('Review');
    await userEvent.click(body);
    await userEvent.paste('x'.repeat(10_001));
    expect(screen.getByText('10,001 / 10,000')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Publish review' }));
    expect(body).toHaveAccessibleDescription(/Review text must be at most 10,000 characters/);
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveFocus();
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('when the review holds a NUL character, then the field says so and nothing is sent', async () => {
    const { requests } = mockFetch(csrf);
    renderEditor();
    const body = screen.getByLabelText('Review');
    await userEvent.type(body, 'Side A\u0000Side B');
    expect(body).toHaveValue('Side A\u0000Side B');
    await userEvent.click(screen.getByRole('button', { name: 'Publish review' }));
    expect(body).toHaveAccessibleDescription(/Review text may not contain NUL characters/);
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('when the review has exactly 10,000 characters, then it is sent', async () => {
    const { requests } = mockFetch({ ...csrf, 'POST /api/albums/42/reviews': () => jsonResponse(review({ body: 'x'.repeat(10_000) }), 201) });
    const { onDone } = renderEditor();
    await userEvent.click(screen.getByLabelText('Review'));
    await userEvent.paste('x'.repeat(10_000));
    await userEvent.click(screen.getByRole('button', { name: 'Publish review' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect((requests.find((r) => r.method === 'POST')?.body as { body: string }).body).toHaveLength(10_000);
  });

  it('when a new review keeps the default audience, then no visibility is sent; when one is chosen, then it is', async () => {
    const { requests } = mockFetch({ ...csrf, 'POST /api/albums/42/reviews': () => jsonResponse(review(), 201) });
    const { onDone } = renderEditor();
    const audience = screen.getByLabelText('Who can see it');
    expect(audience).toHaveValue('');
    await userEvent.click(screen.getByLabelText('Review'));
    await userEvent.paste('For the late hours.');
    await userEvent.click(screen.getByRole('button', { name: 'Publish review' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(requests.find((r) => r.method === 'POST')?.body).not.toHaveProperty('visibility');

    await userEvent.selectOptions(audience, 'Followers only');
    await userEvent.click(screen.getByRole('button', { name: 'Publish review' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
    expect(requests.filter((r) => r.method === 'POST')[1]?.body).toMatchObject({ visibility: 'followers' });
  });

  it('when a review is edited, then its own audience is shown (no default to fall back to) and a change is sent', async () => {
    const { requests } = mockFetch({ ...csrf, 'PATCH /api/reviews/900': () => jsonResponse(review({ visibility: 'private' })) });
    const { onDone } = renderEditor({ review: review({ visibility: 'followers' }) });
    const audience = screen.getByLabelText('Who can see it');
    expect(audience).toHaveValue('followers');
    expect(screen.queryByRole('option', { name: 'My default setting' })).toBeNull();
    await userEvent.selectOptions(audience, 'Only me');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({ visibility: 'private' });
  });

  it.each([
    ['tomorrow', () => daysFromToday(1)],
    ['in the far future', () => '2999-01-01'],
  ])('when the listened-on date is %s, then it is refused before anything is sent', async (_label, date) => {
    const { requests } = mockFetch(csrf);
    renderEditor();
    const input = screen.getByLabelText('Listened on');
    await userEvent.clear(input);
    await userEvent.type(input, date());
    await userEvent.click(screen.getByRole('button', { name: 'Log listen' }));
    expect(input).toHaveAccessibleDescription('Date cannot be in the future');
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('when there is no text, then the listen is logged in the diary with date, rating and relisten', async () => {
    const { requests } = mockFetch({
      ...csrf,
      'POST /api/diary': () =>
        jsonResponse(
          { id: '5', album: review().album, listenedOn: '2026-01-02', rating: 4, isRelisten: true, reviewId: null, createdAt: '2026-01-02T00:00:00Z' },
          201,
        ),
    });
    const { onDone } = renderEditor({ initialRating: 3.5 });
    await userEvent.clear(screen.getByLabelText('Listened on'));
    await userEvent.type(screen.getByLabelText('Listened on'), '2026-01-02');
    await userEvent.click(screen.getByLabelText('I’ve listened to it before'));
    screen.getByRole('slider', { name: 'Rating for this listen' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.click(screen.getByRole('button', { name: 'Log listen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ kind: 'diary' })));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/diary',
      body: { albumId: '42', listenedOn: '2026-01-02', rating: 4, isRelisten: true },
    });
  });

  it('when there is text, then a review is published with its listened-on date', async () => {
    const { requests } = mockFetch({ ...csrf, 'POST /api/albums/42/reviews': () => jsonResponse(review(), 201) });
    const { onDone } = renderEditor();
    await userEvent.type(screen.getByLabelText('Review'), 'Line one{Enter}<b>not bold</b>');
    await userEvent.click(screen.getByRole('button', { name: 'Publish review' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ kind: 'review' })));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/albums/42/reviews',
      body: { body: 'Line one\n<b>not bold</b>', listenedOn: todayLocal(), rating: null, isRelisten: false },
    });
  });

  it('when the server refuses a field, then its message shows next to that field', async () => {
    mockFetch({
      ...csrf,
      'POST /api/diary': () => problemResponse(400, 'validation_failed', 'Check the form.', [{ path: 'listenedOn', message: 'Date is too far in the past' }]),
    });
    const { onDone } = renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Log listen' }));
    await waitFor(() => expect(screen.getByLabelText('Listened on')).toHaveAccessibleDescription('Date is too far in the past'));
    expect(onDone).not.toHaveBeenCalled();
  });

  it('when the server refuses the album itself, then the reason shows above the form', async () => {
    mockFetch({ ...csrf, 'POST /api/diary': () => problemResponse(404, 'not_found', 'Album not found.') });
    renderEditor();
    await userEvent.click(screen.getByRole('button', { name: 'Log listen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Album not found.');
  });

  it('when editing a review and the text is emptied, then it asks for text instead of sending', async () => {
    const { requests } = mockFetch(csrf);
    renderEditor({ review: review() });
    await userEvent.clear(screen.getByLabelText('Review'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('Review')).toHaveAccessibleDescription(/^Review text is required/);
    expect(requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});

describe('validateEditor', () => {
  const base = { body: '', rating: null, listenedOn: '2026-01-02', isRelisten: false, visibility: '' as const };

  it('when the date is not a real day, then it says so', () => {
    expect(validateEditor({ ...base, listenedOn: '2026-02-30' }, '42', false, '2026-03-01').errors.listenedOn).toBe('Date is not a real calendar day');
  });

  it('when the date is after the local today, then it is refused even within the server’s day of slack', () => {
    expect(validateEditor({ ...base, listenedOn: '2026-03-02' }, '42', false, '2026-03-01').errors.listenedOn).toBe('Date cannot be in the future');
  });

  it('when the text is only spaces, then it is a diary entry, not a review', () => {
    expect(validateEditor({ ...base, body: '   ' }, '42', false, '2026-03-01')).toMatchObject({ ok: true, kind: 'diary' });
  });
});
