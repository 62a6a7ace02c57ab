import type { UserSummary } from '@muse/shared';

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** People whose name or handle holds every word of `query`, accents and case aside; everyone for an empty query. */
export function matchPeople<T extends { user: UserSummary }>(people: T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return people;
  return people.filter(({ user }) => {
    const haystack = fold(`${user.displayName} ${user.handle}`);
    return words.every((word) => haystack.includes(word));
  });
}
