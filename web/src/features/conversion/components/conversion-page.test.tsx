import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { setSocketFactory } from '../../../lib/socket';
import { FakeSocket } from '../../../testing/fake-socket';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { conversionView, progressEvent, reportRow } from '../testing/conversion-fixtures';
import { ConversionPage } from './conversion-page';

let socket: FakeSocket;
let restoreSocket: () => void;

beforeEach(() => {
  socket = new FakeSocket();
  restoreSocket = setSocketFactory(() => socket.asSocket());
});

afterEach(() => {
  restoreSocket();
  vi.useRealTimers();
});

const ID = 'conv-0000001';
const VIEW_PATH = `/api/conversions/${ID}`;

function serve(views: ReturnType<typeof conversionView>[]) {
  let served = 0;
  const { requests } = mockFetch({
    [`GET ${VIEW_PATH}`]: () => jsonResponse(views[Math.min(served++, views.length - 1)]),
    [`GET ${VIEW_PATH}/report`]: () => jsonResponse({ items: [reportRow(0, 'Angel')], nextCursor: null }),
    [`POST ${VIEW_PATH}/cancel`]: () => jsonResponse({}, 202),
  });
  return { requests, viewReads: () => requests.filter((r) => r.method === 'GET' && r.path === VIEW_PATH).length };
}

const progress = () => screen.getByRole('region', { name: 'Progress' });
const count = (label: string) => within(progress()).getByText(label).nextSibling;

async function followed() {
  await screen.findByRole('heading', { name: 'Road trip → Apple Music' });
  await waitFor(() => expect(socket.listenerCount('conversion:progress')).toBe(1));
}

describe('Conversion page', () => {
  it('when opened (or reloaded) mid-run, then it shows the phase, the bar and the counts read from the server', async () => {
    serve([conversionView({ currentTrack: 'Massive Attack – Teardrop' })]);
    renderWithProviders(<ConversionPage conversionId={ID} />);
    await followed();

    const bar = screen.getByRole('progressbar', { name: 'Tracks converted' });
    expect(bar).toHaveAttribute('aria-valuenow', '10');
    expect(bar).toHaveAttribute('aria-valuemax', '40');
    expect(screen.getByText('Finding the tracks on Apple Music')).toBeInTheDocument();
    expect(within(progress()).getByText('Massive Attack – Teardrop')).toBeInTheDocument();
    expect(count('Matched')).toHaveTextContent('8');
    expect(count('Needs review')).toHaveTextContent('1');
    expect(count('Not found')).toHaveTextContent('1');
    expect(screen.getByRole('button', { name: 'Cancel conversion' })).toBeInTheDocument();
  });

  it('when progress events arrive, then counts, current track and bar move without reading the view again; a new status re-reads it', async () => {
    const { viewReads } = serve([conversionView(), conversionView({ status: 'done', phase: 'finished', processed: 40, matched: 36, written: 36 })]);
    renderWithProviders(<ConversionPage conversionId={ID} />);
    await followed();
    expect(viewReads()).toBe(1);

    act(() => socket.serverEmit('conversion:progress', progressEvent({ processed: 25, matched: 21, needsReview: 3, currentTrack: 'Massive Attack – Angel' })));

    const bar = screen.getByRole('progressbar', { name: 'Tracks converted' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '25'));
    expect(within(progress()).getByText('Massive Attack – Angel')).toBeInTheDocument();
    expect(count('Needs review')).toHaveTextContent('3');
    expect(count('Matched')).toHaveTextContent('21');
    expect(within(progress()).getByText('25 of 40 tracks')).toBeInTheDocument();
    // Another conversion's progress is not this page's.
    act(() => socket.serverEmit('conversion:progress', progressEvent({ conversionId: 'conv-0000002', processed: 39 })));
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(viewReads()).toBe(1);

    act(() => socket.serverEmit('conversion:progress', progressEvent({ status: 'done', phase: 'finished', processed: 40, matched: 36, written: 36 })));

    expect(await screen.findByText('Conversion finished')).toBeInTheDocument();
    await waitFor(() => expect(viewReads()).toBe(2));
    expect(screen.queryByRole('button', { name: 'Cancel conversion' })).not.toBeInTheDocument();
  });

  it('when the service throttles, then a polite countdown says who asked and when it resumes, and it goes when the wait ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:05:00.000Z'));
    serve([conversionView({ phase: 'reading' })]);
    renderWithProviders(<ConversionPage conversionId={ID} />);
    await followed();

    act(() => socket.serverEmit('conversion:progress', progressEvent({ phase: 'reading', waitingUntil: '2026-12-01T10:05:12.000Z' })));

    const wait = await screen.findByText('Spotify asked us to slow down — resuming in 12 s');
    expect(wait).toHaveAttribute('role', 'status');
    expect(wait).toHaveAttribute('aria-live', 'polite');

    vi.setSystemTime(new Date('2026-12-01T10:05:03.000Z'));
    expect(await screen.findByText('Spotify asked us to slow down — resuming in 9 s', undefined, { timeout: 3_000 })).toBeInTheDocument();

    act(() => socket.serverEmit('conversion:progress', progressEvent({ phase: 'writing', waitingUntil: '2026-12-01T10:05:08.000Z' })));
    expect(await screen.findByText('Apple Music asked us to slow down — resuming in 5 s')).toBeInTheDocument();

    act(() => socket.serverEmit('conversion:progress', progressEvent({ phase: 'writing', waitingUntil: null })));
    await waitFor(() => expect(screen.queryByText(/asked us to slow down/)).not.toBeInTheDocument());
  });

  it('when Cancel is pressed, then the conversion is cancelled and read again', async () => {
    setCsrfToken('t');
    const { requests, viewReads } = serve([conversionView(), conversionView({ status: 'cancelled' })]);
    renderWithProviders(<ConversionPage conversionId={ID} />);
    await followed();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel conversion' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === `${VIEW_PATH}/cancel`)).toBe(true));
    expect(await screen.findByText('The conversion was stopped. The report keeps what was done.')).toBeInTheDocument();
    expect(viewReads()).toBe(2);
    expect(screen.queryByRole('button', { name: 'Cancel conversion' })).not.toBeInTheDocument();
  });

  it('when it is done, then it links to the new playlist on the service and to the CSV report', async () => {
    serve([
      conversionView({
        status: 'done',
        phase: 'finished',
        processed: 40,
        written: 38,
        targetPlaylist: { id: 'p.abc', url: 'https://music.apple.com/library/playlist/p.abc' },
      }),
    ]);
    renderWithProviders(<ConversionPage conversionId={ID} />);
    await screen.findByRole('heading', { name: 'Road trip → Apple Music' });

    expect(screen.getByText(/Added 38 of 40 tracks to “Road trip” on Apple Music\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open “Road trip” in Apple Music' })).toHaveAttribute('href', 'https://music.apple.com/library/playlist/p.abc');
    const csv = screen.getByRole('link', { name: 'Download CSV' });
    expect(csv).toHaveAttribute('href', `${VIEW_PATH}/report.csv`);
    expect(csv).toHaveAttribute('download');
  });
});
