import { ChangePasswordSchema, LIMITS } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useChangePassword } from '../api/change-password';

const EMPTY = { currentPassword: '', newPassword: '' };

/** Changes the password and keeps this browser signed in with the rotated session. */
export function ChangePasswordForm() {
  const form = useZodForm(ChangePasswordSchema, EMPTY);
  const changePasswordMutation = useChangePassword();
  const [changed, setChanged] = useState(false);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChanged(false);
    const input = form.validate();
    if (!input) return;
    changePasswordMutation.mutate(input, {
      onSuccess: () => {
        form.reset(EMPTY);
        setChanged(true);
      },
      onError: form.showError,
    });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="change-password-title">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      {changed && <Alert tone="success">Your password has been changed.</Alert>}
      <TextField label="Current password" type="password" autoComplete="current-password" {...form.bind('currentPassword')} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${LIMITS.password.min} characters.`}
        {...form.bind('newPassword')}
      />
      <div className="form-actions">
        <Button type="submit" pending={changePasswordMutation.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
