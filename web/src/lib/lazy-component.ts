import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadOnce } from './load-once';

/** A component (a page, a dialog's form) whose code arrives on first use, and a way to ask for that code sooner. */
export type LazyComponent<P extends object = object> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts fetching the code (once); route loaders call it so a page's code and data load side by side. */
  preload(): Promise<unknown>;
};

/**
 * `React.lazy` over a named export of a module: the module becomes a chunk of its own, fetched the
 * first time the component renders or `preload` is called, whichever comes first. A failed early
 * fetch is forgotten, so rendering asks again (and a second failure reaches the nearest error
 * boundary, which offers a reload). Pages are loaded so (app/router.tsx), and so are the forms of
 * dialogs, which validate with the shared schemas: zod stays out of a page's first download.
 */
export function lazyComponent<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyComponent<P> {
  const fetchComponent = loadOnce(() => load().then((module) => ({ default: pick(module) })));
  return Object.assign(lazy(fetchComponent), { preload: fetchComponent });
}
