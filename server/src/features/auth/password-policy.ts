import * as common from '@zxcvbn-ts/language-common';

let commonPasswords: Set<string> | undefined;

function loadList(): Set<string> {
  const dictionary = (common as unknown as { dictionary: Record<string, string[]> }).dictionary;
  const list = dictionary['passwords-common'] ?? [];
  return new Set(list.map((p) => p.toLowerCase()));
}

/**
 * Whether a password is on the maintained list of the most common passwords
 * (zxcvbn-ts' ~49k list), compared case-insensitively.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadList();
  return commonPasswords.has(password.toLowerCase());
}
