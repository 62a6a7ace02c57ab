import { ChangePasswordSchema, LIMITS } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useChangePassword } from '../api/change-password';

const CHANGE = { currentPassword: '', newPassword: '' };
const FIRST = { newPassword: '' };

/**
 * Changes the password and keeps this browser signed in with the rotated session. An account
 * without a password (made by signing in with Spotify) sets its first one, with no current one to give.
 */
export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const form = useZodForm(ChangePasswordSchema, hasPassword ? CHANGE : FIRST);
  const changePasswordMutation = useChangePassword();
  const [done, setDone] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const input = form.validate();
    if (!input) return;
    changePasswordMutation.mutate(input, {
      onSuccess: () => {
        // The account has a password now, so the form asks for it next time.
        form.reset(CHANGE);
        setDone(hasPassword ? 'Your password has been changed.' : 'Your password is set. You can also log in with your handle and it now.');
      },
      onError: form.showError,
    });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="change-password-title">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
      {hasPassword && <TextField label="Current password" type="password" autoComplete="current-password" {...form.bind('currentPassword')} />}
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${LIMITS.password.min} characters.`}
        {...form.bind('newPassword')}
      />
      <div className="form-actions">
        <Button type="submit" pending={changePasswordMutation.isPending}>
          {hasPassword ? 'Change password' : 'Set a password'}
        </Button>
      </div>
    </form>
  );
}
