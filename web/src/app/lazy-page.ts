import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page component whose code arrives on first use, and a way to ask for that code sooner. */
export type LazyPage<P extends object = object> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts fetching the page's code (once); route loaders call it so the code and the data load side by side. */
  preload(): Promise<unknown>;
};

/**
 * `React.lazy` over a named export of a route module: the module becomes a chunk of its own,
 * fetched the first time the page renders or `preload` is called, whichever comes first. A
 * failed early fetch is forgotten, so rendering the page asks again (and a second failure
 * reaches the route's error boundary, which offers a reload).
 */
export function lazyPage<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyPage<P> {
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const fetchPage = () => {
    pending ??= load().then(
      (module) => ({ default: pick(module) }),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  return Object.assign(lazy(fetchPage), { preload: fetchPage });
}
