import type { Me } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createTestQueryClient } from '../../../testing/render';

/** Renders `element` at `path` (pattern `pattern`) with the given viewer signed in, plus a catch-all to see where links lead. */
export function renderAt(element: ReactElement, { pattern, path, me }: { pattern: string; path: string; me: Me | null }) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], me);
  const router = createMemoryRouter(
    [
      { path: pattern, element },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, queryClient, router };
}

/** The titles of the entries as the page lists them, in order. */
export function entryTitles(): string[] {
  const rows = document.querySelectorAll('[data-entry-id]');
  return Array.from(rows, (row) => row.querySelector('.entry-title')?.childNodes[0]?.textContent ?? '');
}

/** The live region announcing moves to screen readers. */
export function announcer(): HTMLElement {
  return screen.getByTestId('entry-announcer');
}

/** Opens a row's actions menu and picks `action`. */
export function rowActions(title: string) {
  return screen.getByRole('button', { name: `Actions for ${title}` });
}

export { within };
