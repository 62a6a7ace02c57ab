import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../testing/mock-fetch';
import { createLoaders } from './loaders';

function args(params: Record<string, string>, url: string): LoaderFunctionArgs {
  return { params, request: new Request(url), context: undefined } as unknown as LoaderFunctionArgs;
}

describe('route loaders', () => {
  it('when a profile is opened, then its playlists are asked beside the profile, so the card above the activity is there when the page draws', async () => {
    const { requests } = mockFetch({});
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await createLoaders(queryClient).profile(args({ handle: 'nina' }, 'http://muse.test/users/nina'));
    await vi.waitFor(() => expect(requests.map((r) => r.path).sort()).toEqual(['/api/users/nina', '/api/users/nina/playlists']));
  });
});
