import { api } from '../../../lib/api-client';

/** Apple's MusicKit JS v3, loaded only on the page that connects Apple Music. */
export const MUSICKIT_SRC = 'https://js-cdn.music.apple.com/musickit/v3/musickit.js';

/** The part of MusicKit JS this page uses. */
export interface MusicKitInstance {
  authorize(): Promise<string>;
}
export interface MusicKitGlobal {
  configure(options: { developerToken: string; app: { name: string; build: string }; storefrontId?: string }): Promise<MusicKitInstance> | MusicKitInstance;
}

declare global {
  interface Window {
    MusicKit?: MusicKitGlobal;
  }
}

/** Where Apple Music's round trip must end: this origin's callback, nowhere else (a Music-User-Token is a credential). */
export const APPLE_CALLBACK_PATH = '/api/connections/apple/callback';

/** The callback URL to send the token to, or null when `redirect_uri` is missing or points anywhere else. */
export function trustedCallback(redirectUri: string | null, origin: string): URL | null {
  if (!redirectUri) return null;
  let url: URL;
  try {
    url = new URL(redirectUri, origin);
  } catch {
    return null;
  }
  return url.origin === origin && url.pathname === APPLE_CALLBACK_PATH && !url.search && !url.hash ? url : null;
}

/** Adds MusicKit JS to the page once (resolves at once when it is there already, as in tests). */
export function loadMusicKit(doc: Document = document, timeoutMs = 15_000): Promise<MusicKitGlobal> {
  const win = doc.defaultView as Window;
  if (win.MusicKit) return Promise.resolve(win.MusicKit);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Apple Music did not load in time.')), timeoutMs);
    // MusicKit announces itself with this event once it has set window.MusicKit.
    doc.addEventListener(
      'musickitloaded',
      () => {
        clearTimeout(timer);
        if (win.MusicKit) resolve(win.MusicKit);
        else reject(new Error('Apple Music did not load.'));
      },
      { once: true },
    );
    const script = doc.createElement('script');
    script.src = MUSICKIT_SRC;
    script.async = true;
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error('Apple Music could not be loaded. Check your connection and try again.'));
    };
    doc.head.appendChild(script);
  });
}

export async function getAppleDeveloperToken(): Promise<{ developerToken: string; storefront: string }> {
  return api.get('/api/connections/apple/developer-token');
}
