import { DeleteAccountSchema } from '@muse/shared';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useDeleteAccount } from '../api/delete-account';

/** Deletes the account for good once the password is confirmed; the app shell then leaves. */
export function DeleteAccountForm() {
  const form = useZodForm(DeleteAccountSchema, { password: '' });
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
      <TextField
        label="Confirm with your password"
        type="password"
        autoComplete="current-password"
        hint="Your profile and everything you have written on Muse are removed. This cannot be undone."
        {...form.bind('password')}
      />
      <div className="form-actions">
        <Button type="submit" variant="danger" pending={deleteAccountMutation.isPending}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
