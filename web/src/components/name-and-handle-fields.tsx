import { LIMITS } from '@muse/shared';
import type { ChangeEvent } from 'react';
import { TextField } from './ui/text-field';

type FieldBinding = { name: string; value: string; error?: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void };

/** The display name and handle of a new account (signing up, and signing up with Spotify); `bind` is the form's `useZodForm(...).bind`. */
export function NameAndHandleFields({ bind }: { bind: (name: 'displayName' | 'handle') => FieldBinding }) {
  return (
    <>
      <TextField label="Display name" autoComplete="name" maxLength={LIMITS.displayName.max} {...bind('displayName')} />
      <TextField
        label="Handle"
        prefix="@"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        hint="Letters, digits and underscores. This is your public address on Muse."
        {...bind('handle')}
      />
    </>
  );
}
