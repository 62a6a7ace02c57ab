import type { Visibility } from '@muse/shared';

/** How each audience is named wherever someone picks who sees a thing, or is told. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Everyone',
  followers: 'Followers only',
  private: 'Only me',
};

export const VISIBILITY_OPTIONS: { value: Visibility; label: string }[] = (['public', 'followers', 'private'] as const).map((value) => ({
  value,
  label: VISIBILITY_LABELS[value],
}));
