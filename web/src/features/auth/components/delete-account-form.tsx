import { DeleteAccountSchema } from '@muse/shared';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useDeleteAccount } from '../api/delete-account';

const CONSEQUENCES = 'Your profile and everything you have written on Muse are removed. This cannot be undone.';

/**
 * Deletes the account for good once the password is confirmed, or, for an account without one
 * (made by signing in with Spotify), once its handle is typed; the app shell then leaves.
 */
export function DeleteAccountForm({ hasPassword, handle }: { hasPassword: boolean; handle: string }) {
  const form = useZodForm(DeleteAccountSchema, hasPassword ? { password: '' } : { handle: '' });
  const deleteAccountMutation = useDeleteAccount();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    deleteAccountMutation.mutate(input, { onError: form.showError });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="delete-account-title">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      {hasPassword ? (
        <TextField label="Confirm with your password" type="password" autoComplete="current-password" hint={CONSEQUENCES} {...form.bind('password')} />
      ) : (
        <TextField
          label="Confirm with your handle"
          prefix="@"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint={`Type ${handle} to confirm. ${CONSEQUENCES}`}
          {...form.bind('handle')}
        />
      )}
      <div className="form-actions">
        <Button type="submit" variant="danger" pending={deleteAccountMutation.isPending}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
